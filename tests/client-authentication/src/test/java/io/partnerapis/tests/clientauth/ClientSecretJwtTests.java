package io.partnerapis.tests.clientauth;

/**
 * {@code client-secret-jwt}: an HS256 assertion keyed with the client secret, which the
 * server checks with the secret's UTF-8 bytes; the secret itself is never sent.
 */
class ClientSecretJwtTests extends ClientAuthenticationTests {

	ClientSecretJwtTests(AuthorizationServer server) {
		super(server);
	}

	@Override
	String clientId() {
		return "secret-jwt-client";
	}

	@Override
	String serverMethod() {
		return "client_secret_jwt";
	}

	@Override
	String[] partnerProperties() {
		return new String[] { "client-authentication-method=client-secret-jwt",
				"client-secret=" + TestPki.CLIENT_SECRET_JWT_SECRET };
	}

}
