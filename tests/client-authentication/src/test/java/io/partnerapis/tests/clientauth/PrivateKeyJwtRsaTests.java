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
