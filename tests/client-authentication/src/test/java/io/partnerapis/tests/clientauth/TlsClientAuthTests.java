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
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code tls-client-auth}: a certificate issued by the test CA (sent with its chain) in a
 * PEM SSL bundle; the server authenticates the client by the certificate's subject DN.
 */
class TlsClientAuthTests extends MutualTlsClientAuthenticationTests {

	TlsClientAuthTests(AuthorizationServer server) {
		super(server);
	}

	@Override
	String clientId() {
		return "tls-client";
	}

	@Override
	String serverMethod() {
		return "tls_client_auth";
	}

	@Override
	String[] partnerProperties() {
		return new String[] { "client-authentication-method=tls-client-auth",
				"spring.ssl.bundle.pem.bank.keystore.certificate=" + this.server.pki().location("tls-client-chain.pem"),
				"spring.ssl.bundle.pem.bank.keystore.private-key=" + this.server.pki().location("tls-client-key.pem") };
	}

	@Test
	void clientCertificateFromAJksBundleAuthenticatesTheClientToo() throws Exception {
		String bundle = "spring.ssl.bundle.jks.bank-jks.";
		try (PartnerClient jksClient = PartnerClient.start(this.server, clientId(),
				"client-authentication-method=tls-client-auth", "ssl.bundle=bank-jks",
				bundle + "keystore.location=" + this.server.pki().location("tls-client-keystore.p12"),
				bundle + "keystore.password=" + TestPki.PASSWORD, bundle + "keystore.type=PKCS12",
				bundle + "truststore.location=" + this.server.pki().location("ca-truststore.p12"),
				bundle + "truststore.password=" + TestPki.PASSWORD, bundle + "truststore.type=PKCS12")) {
			this.server.recorder().clear();
			String thumbprint = TestPki.thumbprint(certificate());
			assertThat(jksClient.callWithRestClient()).containsEntry("sub", clientId())
				.containsEntry("x5t#S256", thumbprint);
			assertThat(jksClient.callWithWebClient()).containsEntry("x5t#S256", thumbprint);
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.server.recorder().tokenRequests()).singleElement()
					.satisfies((tokenRequest) -> assertThat(tokenRequest.method()).isEqualTo("tls_client_auth")));
		}
	}

	@Test
	void certificateOfAnotherSubjectIsRejectedAtTheTokenEndpoint() {
		assertTokenRequestRejected("client-authentication-method=tls-client-auth",
				"spring.ssl.bundle.pem.bank.keystore.certificate="
						+ this.server.pki().location("other-client-chain.pem"),
				"spring.ssl.bundle.pem.bank.keystore.private-key="
						+ this.server.pki().location("other-client-key.pem"));
	}

	@Override
	String certificateAlias() {
		return "tls-client";
	}

	@Override
	String otherCertificateAlias() {
		return "other-client";
	}

	@Override
	X509Certificate certificate() {
		return this.server.pki().tlsClientCertificate();
	}

}
