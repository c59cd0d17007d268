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
