/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.tests.clientauth;

import java.security.cert.X509Certificate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mutual-TLS methods: the partner's SSL bundle holds the client certificate, the
 * token requests and the API calls present it, and the server issues tokens bound to it
 * ({@code cnf.x5t#S256}) that the resource server accepts only over a connection that
 * presents the same certificate.
 */
abstract class MutualTlsClientAuthenticationTests extends ClientAuthenticationTests {

	MutualTlsClientAuthenticationTests(AuthorizationServer server) {
		super(server);
	}

	/**
	 * The alias of the client's certificate in {@link TestPki#clientKeyStore(String)}.
	 * @return the alias
	 */
	abstract String certificateAlias();

	/**
	 * A certificate the server also trusts, but not the client's.
	 * @return the alias of another certificate
	 */
	abstract String otherCertificateAlias();

	abstract X509Certificate certificate();

	@Test
	void accessTokenIsBoundToTheClientCertificateThatTokenRequestAndApiCallsPresent() throws Exception {
		String thumbprint = TestPki.thumbprint(certificate());
		assertThat(this.client.callWithWebClient()).containsEntry("x5t#S256", thumbprint);
		assertThat(this.client.callWithRestClient()).containsEntry("x5t#S256", thumbprint);
		String subject = certificate().getSubjectX500Principal().getName();
		assertThat(exchanges()).hasSize(3)
			.allSatisfy((exchange) -> assertThat(exchange.clientCertificateSubject()).isEqualTo(subject));
		OAuth2Authorization.Token<OAuth2AccessToken> issued = this.server.authorizations()
			.accessTokens(clientId())
			.get(0);
		assertThat(issued.getClaims()).extractingByKey("cnf").isEqualTo(Map.of("x5t#S256", thumbprint));
		String token = issued.getToken().getTokenValue();
		String api = this.server.apiUrl() + "/caller";
		assertThat(PlainClient.withCertificate(this.server.pki(), certificateAlias()).get(api, token).statusCode())
			.isEqualTo(200);
		assertThat(PlainClient.withCertificate(this.server.pki(), otherCertificateAlias()).get(api, token).statusCode())
			.isEqualTo(401);
		assertThat(PlainClient.withCertificate(this.server.pki(), null).get(api, token).statusCode()).isEqualTo(401);
	}

}
