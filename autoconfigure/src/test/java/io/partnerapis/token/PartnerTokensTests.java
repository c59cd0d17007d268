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

package io.partnerapis.token;

import java.net.URI;
import java.time.Duration;

import io.partnerapis.RenewalGrant;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerTokens} and the times of a token flight it computes through
 * {@link TokenWait}; the token handling it assembles is proved over WireMock in
 * {@code io.partnerapis.usecases}.
 */
class PartnerTokensTests {

	private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);

	private static final TokenEndpoint.Retries RETRIES = new TokenEndpoint.Retries(Duration.ofSeconds(10), 2,
			Duration.ofMillis(200));

	@Test
	void leaseCoversEachRequestOfAFetchWithItsQuotaCallsAndTheLoadBeforeAndSaveAfter() {
		Duration requestTime = Duration.ofSeconds(30).plusMillis(900);
		assertThat(RETRIES.longestTime()).isEqualTo(requestTime);
		assertThat(TokenWait.of(RETRIES, 1, STORE_TIMEOUT).lease())
			.isEqualTo(requestTime.plusSeconds(1).plusSeconds(1).plusSeconds(1));
		assertThat(TokenWait.of(RETRIES, 2, STORE_TIMEOUT).lease())
			.isEqualTo(requestTime.plusSeconds(1).multipliedBy(2).plusSeconds(1).plusSeconds(1));
	}

	@Test
	void longestWaitIsAnotherHoldersLeaseWaitedOutThenTheCallersOwnFlight() {
		TokenWait wait = TokenWait.of(RETRIES, 1, STORE_TIMEOUT);
		assertThat(wait.longest()).isEqualTo(wait.lease().multipliedBy(2).plus(STORE_TIMEOUT.multipliedBy(8)));
	}

	@Test
	void builtAuthorizationWaitsAsLongAsAFlightThatTakesOverALeaseMayTake() {
		PartnerAuthorization authorization = PartnerTokens
			.builder("acme", StubTokenEndpoint.registration(), WebClient.create())
			.retries(Duration.ofSeconds(10), 2, Duration.ofMillis(200))
			.renewal(RenewalGrant.REFRESH_TOKEN, Duration.ofSeconds(60), Duration.ofSeconds(30), true)
			.build(URI.create("https://api.acme.example"));
		try {
			Duration lease = TokenWait.of(RETRIES, 2, STORE_TIMEOUT).lease();
			assertThat(authorization.tokenWait()).as("a holder's lease of a refresh and its fall-back, then its own")
				.isGreaterThanOrEqualTo(lease.multipliedBy(2))
				.isEqualTo(TokenWait.of(RETRIES, 2, STORE_TIMEOUT).longest());
			assertThat(authorization.partner()).isEqualTo("acme");
			assertThat(authorization.isPartnerOrigin(URI.create("https://api.acme.example/orders"))).isTrue();
			assertThat(authorization.isPartnerOrigin(URI.create("https://elsewhere.example/orders"))).isFalse();
		}
		finally {
			authorization.close();
		}
	}

	@Test
	void builtAuthorizationListensToItsStoreUntilItIsClosed() {
		ObservedStore store = new ObservedStore(new MutableClock());
		PartnerAuthorization authorization = PartnerTokens
			.builder("acme", StubTokenEndpoint.registration(), WebClient.create())
			.store(store, TokenKey.builder("acme").build(), STORE_TIMEOUT)
			.build(URI.create("https://api.acme.example"));
		assertThat(store.listeners()).isEqualTo(1);
		authorization.close();
		assertThat(store.listeners()).isZero();
	}

	@Test
	void partnersStopListeningToTheStoreWhenTheContextCloses() {
		ObservedStore store = new ObservedStore(new MutableClock());
		PartnerContexts.runner()
			.withBean(PartnerTokenStore.class, () -> store)
			.withPropertyValues("partner.apis.acme.client-id=id-acme", "partner.apis.acme.client-secret=secret-acme",
					"partner.apis.acme.token-uri=https://auth.acme.example/token",
					"partner.apis.acme.base-url=https://api.acme.example")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(store.listeners()).isEqualTo(1);
			});
		assertThat(store.listeners()).as("after the context closed").isZero();
	}

}
