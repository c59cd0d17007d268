package io.partnerapis.tests.clientauth;

import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

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
