/*
 * Copyright 2026 the original author or authors.
 */

package io.partnerapis.tests.clientauth;

/**
 * {@code private-key-jwt} with an RSA key in a PKCS#8 PEM file and a {@code key-id}: the
 * server verifies the RS256 assertion against the client's JWK set.
 *
 * @author partner-apis
 */
class PrivateKeyJwtRsaTests extends ClientAuthenticationTests {

	PrivateKeyJwtRsaTests(AuthorizationServer server) {
		super(server);
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
