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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code private-key-jwt} with an EC P-256 key given as a JWK (its own {@code kid}, no
 * {@code key-id} and no {@code algorithm}: ES256 by default): the server, which expects
 * ES256 from this client, verifies the assertion against the client's JWK set.
 */
class PrivateKeyJwtEcTests extends ClientAuthenticationTests {

	PrivateKeyJwtEcTests(AuthorizationServer server) {
		super(server);
	}

	@Test
	void assertionWithTheIssuerAsAudienceAndAnExplicitAlgorithmIsAccepted() {
		// Spring Authorization Server accepts its issuer identifier as well as the token
		// URI.
		try (PartnerClient issuerAudience = PartnerClient.start(this.server, clientId(),
				"client-authentication-method=private-key-jwt",
				"client-assertion.key=" + this.server.pki().location("ec-jwt-client-key.json"),
				"client-assertion.algorithm=ES256", "client-assertion.audience=" + this.server.origin())) {
			this.server.recorder().clear();
			assertThat(issuerAudience.callWithWebClient()).containsEntry("sub", clientId());
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.server.recorder().tokenRequests()).singleElement()
					.satisfies((tokenRequest) -> assertThat(tokenRequest.method()).isEqualTo("private_key_jwt")));
		}
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
