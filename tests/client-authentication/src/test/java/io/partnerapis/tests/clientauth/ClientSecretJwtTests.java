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
