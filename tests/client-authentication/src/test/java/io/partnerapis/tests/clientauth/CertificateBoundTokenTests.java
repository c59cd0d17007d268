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

import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test server itself, driven by hand without the starter: the mutual-TLS clients get
 * certificate-bound tokens, and the resource server accepts such a token only over a
 * connection that presents the same certificate. The starter's tests rely on this.
 */
@ExtendWith(AuthorizationServer.Extension.class)
class CertificateBoundTokenTests {

	private final AuthorizationServer server;

	CertificateBoundTokenTests(AuthorizationServer server) {
		this.server = server;
	}

	@Test
	void tlsClientAuthTokenIsBoundToTheClientCertificateAndRejectedWithoutIt() throws Exception {
		PlainClient tlsClient = PlainClient.withCertificate(this.server.pki(), "tls-client");
		String token = tlsClient.accessToken(this.server.tokenUri(), "tls-client");
		assertThat(thumbprintClaim(token)).isEqualTo(TestPki.thumbprint(this.server.pki().tlsClientCertificate()));
		String api = this.server.apiUrl() + "/caller";
		assertThat(tlsClient.get(api, token).statusCode()).isEqualTo(200);
		HttpResponse<String> otherCertificate = PlainClient.withCertificate(this.server.pki(), "other-client")
			.get(api, token);
		assertThat(otherCertificate.statusCode()).isEqualTo(401);
		assertThat(otherCertificate.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("Invalid SHA-256 Thumbprint"));
		HttpResponse<String> noCertificate = PlainClient.withCertificate(this.server.pki(), null).get(api, token);
		assertThat(noCertificate.statusCode()).isEqualTo(401);
		assertThat(noCertificate.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("Unable to obtain X509Certificate"));
	}

	@Test
	void selfSignedTlsClientAuthTokenIsBoundToTheSelfSignedCertificate() throws Exception {
		PlainClient selfSigned = PlainClient.withCertificate(this.server.pki(), "self-signed-client");
		String token = selfSigned.accessToken(this.server.tokenUri(), "self-signed-tls-client");
		assertThat(thumbprintClaim(token))
			.isEqualTo(TestPki.thumbprint(this.server.pki().selfSignedClientCertificate()));
		String api = this.server.apiUrl() + "/caller";
		assertThat(selfSigned.get(api, token).statusCode()).isEqualTo(200);
		assertThat(PlainClient.withCertificate(this.server.pki(), "tls-client").get(api, token).statusCode())
			.isEqualTo(401);
		assertThat(PlainClient.withCertificate(this.server.pki(), null).get(api, token).statusCode()).isEqualTo(401);
	}

	@Test
	void tokenRequestWithACertificateOfAnotherSubjectIsRejected() throws Exception {
		HttpResponse<String> response = PlainClient.withCertificate(this.server.pki(), "other-client")
			.requestToken(this.server.tokenUri(), "tls-client");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void selfSignedTokenRequestWithACertificateNotInTheClientsJwkSetIsRejected() throws Exception {
		// The CA-signed certificate's chain has two certificates: the server takes it for
		// tls_client_auth, which this client is not registered for.
		HttpResponse<String> response = PlainClient.withCertificate(this.server.pki(), "tls-client")
			.requestToken(this.server.tokenUri(), "self-signed-tls-client");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void revokedTokenIsRejectedByTheResourceServer() throws Exception {
		PlainClient tlsClient = PlainClient.withCertificate(this.server.pki(), "tls-client");
		String token = tlsClient.accessToken(this.server.tokenUri(), "tls-client");
		String api = this.server.apiUrl() + "/caller";
		assertThat(tlsClient.get(api, token).statusCode()).isEqualTo(200);
		assertThat(this.server.authorizations().revokeAccessTokens("tls-client")).isPositive();
		HttpResponse<String> revoked = tlsClient.get(api, token);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("revoked"));
	}

	private static String thumbprintClaim(String token) throws Exception {
		Map<String, Object> cnf = SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("cnf");
		assertThat(cnf).isNotNull();
		return (String) cnf.get("x5t#S256");
	}

}
