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

/**
 * {@code self-signed-tls-client-auth}: a self-signed certificate in a PEM SSL bundle; the
 * server authenticates the client by finding the certificate's key in the client's JWK
 * set ({@code x5c}).
 */
class SelfSignedTlsClientAuthTests extends MutualTlsClientAuthenticationTests {

	SelfSignedTlsClientAuthTests(AuthorizationServer server) {
		super(server);
	}

	@Override
	String clientId() {
		return "self-signed-tls-client";
	}

	@Override
	String serverMethod() {
		return "self_signed_tls_client_auth";
	}

	@Override
	String[] partnerProperties() {
		return new String[] { "client-authentication-method=self-signed-tls-client-auth",
				"spring.ssl.bundle.pem.bank.keystore.certificate="
						+ this.server.pki().location("self-signed-client.pem"),
				"spring.ssl.bundle.pem.bank.keystore.private-key="
						+ this.server.pki().location("self-signed-client-key.pem") };
	}

	@Override
	String certificateAlias() {
		return "self-signed-client";
	}

	@Override
	String otherCertificateAlias() {
		return "tls-client";
	}

	@Override
	X509Certificate certificate() {
		return this.server.pki().selfSignedClientCertificate();
	}

}
