package io.partnerapis.tests.clientauth;

import org.junit.jupiter.api.Test;

/**
 * {@code private-key-jwt} with an RSA key in a PKCS#8 PEM file and a {@code key-id}: the
 * server verifies the RS256 assertion against the client's JWK set.
 */
class PrivateKeyJwtRsaTests extends ClientAuthenticationTests {

	PrivateKeyJwtRsaTests(AuthorizationServer server) {
		super(server);
	}

	@Test
	void assertionSignedWithAKeyNotInTheClientsJwkSetIsRejectedAtTheTokenEndpoint() {
		// An RSA key of the right size and algorithm, but another one: the signature
		// fails.
		assertTokenRequestRejected("client-authentication-method=private-key-jwt",
				"client-assertion.key=" + this.server.pki().location("tls-client-key.pem"),
				"client-assertion.key-id=rsa-key-1");
	}

	@Override
	String clientId() {
		return "rsa-jwt-client";
	}

	@Override
	String serverMethod() {
		return "private_key_jwt";
	}

	@Override
	String[] partnerProperties() {
		return new String[] { "client-authentication-method=private-key-jwt",
				"client-assertion.key=" + this.server.pki().location("rsa-jwt-client-key.pem"),
				"client-assertion.key-id=rsa-key-1" };
	}

}
