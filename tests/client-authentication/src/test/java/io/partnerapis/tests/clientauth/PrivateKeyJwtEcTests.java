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
