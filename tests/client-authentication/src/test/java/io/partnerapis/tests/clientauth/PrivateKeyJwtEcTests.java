package io.partnerapis.tests.clientauth;

/**
 * {@code private-key-jwt} with an EC P-256 key given as a JWK (its own {@code kid}, no
 * {@code key-id} and no {@code algorithm}: ES256 by default): the server, which expects
 * ES256 from this client, verifies the assertion against the client's JWK set.
 */
class PrivateKeyJwtEcTests extends ClientAuthenticationTests {

	PrivateKeyJwtEcTests(AuthorizationServer server) {
		super(server);
	}

	@Override
	String clientId() {
		return "ec-jwt-client";
	}

	@Override
	String serverMethod() {
		return "private_key_jwt";
	}

	@Override
	String[] partnerProperties() {
		return new String[] { "client-authentication-method=private-key-jwt",
				"client-assertion.key=" + this.server.pki().location("ec-jwt-client-key.json") };
	}

}
