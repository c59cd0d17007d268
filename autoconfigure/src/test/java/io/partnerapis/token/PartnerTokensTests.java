package io.partnerapis.token;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerTokens}; the token handling it assembles is proved over
 * WireMock in {@code io.partnerapis.usecases}.
 */
class PartnerTokensTests {

	@Test
	void callersWaitForEveryAttemptOfTheFetchWithItsLongestBackoffsAndAMargin() {
		TokenEndpoint.Retries retries = new TokenEndpoint.Retries(Duration.ofSeconds(10), 2, Duration.ofMillis(200));
		assertThat(PartnerTokens.tokenWait(retries)).isEqualTo(Duration.ofSeconds(30).plusMillis(900).plusSeconds(5));
	}

	@Test
	void callersWaitForOneAttemptWhenThereAreNoRetries() {
		TokenEndpoint.Retries retries = new TokenEndpoint.Retries(Duration.ofMillis(500), 0, Duration.ofMillis(200));
		assertThat(PartnerTokens.tokenWait(retries)).isEqualTo(Duration.ofMillis(5500));
	}

	@Test
	void builtAuthorizationWaitsForTheFetchTheStoreLeaseAndTheStoreCallsAroundIt() {
		PartnerAuthorization authorization = PartnerTokens
			.builder("acme", StubTokenEndpoint.registration(), WebClient.create())
			.retries(Duration.ofSeconds(10), 2, Duration.ofMillis(200))
			.build(URI.create("https://api.acme.example"));
		TokenEndpoint.Retries retries = new TokenEndpoint.Retries(Duration.ofSeconds(10), 2, Duration.ofMillis(200));
		Duration storeTimeout = Duration.ofMillis(500);
		Duration lease = PartnerTokenCache.leaseTime(retries.longestTime(), 1, storeTimeout);
		assertThat(authorization.partner()).isEqualTo("acme");
		assertThat(authorization.tokenWait())
			.isEqualTo(PartnerTokens.tokenWait(retries).plus(lease).plus(storeTimeout.multipliedBy(4)));
		assertThat(authorization.isPartnerOrigin(URI.create("https://api.acme.example/orders"))).isTrue();
		assertThat(authorization.isPartnerOrigin(URI.create("https://elsewhere.example/orders"))).isFalse();
	}

	@Test
	void waitIsCappedAtOneHour() {
		TokenEndpoint.Retries retries = new TokenEndpoint.Retries(Duration.ofMinutes(1), 1000, Duration.ofSeconds(1));
		assertThat(PartnerTokens.tokenWait(retries)).isEqualTo(Duration.ofHours(1));
	}

}
