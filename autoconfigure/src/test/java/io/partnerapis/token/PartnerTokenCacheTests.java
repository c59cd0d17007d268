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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.RenewalGrant;
import io.partnerapis.TokenState;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PartnerTokenCache}, against a token endpoint in memory and a clock the
 * tests move: single flight, renewal windows, background renewal, failed renewals and
 * dropping rejected tokens are proved without waiting.
 */
class PartnerTokenCacheTests {

	private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);

	private static final Duration MILLI = Duration.ofMillis(1);

	private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);

	private final MutableClock clock = new MutableClock();

	private final StubTokenEndpoint endpoint = new StubTokenEndpoint();

	private final PartnerTokenStore store = PartnerTokenStore.inMemory(this.clock);

	private final TokenKey key = new TokenKey("acme", "0123456789abcdef");

	private final PartnerTokenCache cache = cache(this.endpoint.fetcher(), this.store, this.clock, null);

	@Test
	void concurrentCallersWithoutATokenShareOneFetch() {
		this.endpoint.hold();
		List<String> received = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 100; i++) {
			this.cache.token().subscribe((token) -> received.add(token.getTokenValue()));
		}
		assertThat(this.endpoint.requests()).isEqualTo(1);
		assertThat(received).isEmpty();
		this.endpoint.release();
		assertThat(received).hasSize(100).containsOnly("token-1");
		assertThat(this.cache.state().fetches()).isEqualTo(1);
	}

	@Test
	void validTokenIsHandedOutFromMemoryUntilItsRenewalTime() {
		OAuth2AccessToken first = token();
		for (int i = 0; i < 20; i++) {
			this.clock.set(renewAt(first).minus(MILLI));
			assertThat(token().getTokenValue()).isEqualTo("token-1");
		}
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void longLivedTokenIsRenewedRefreshBeforeExpiryAheadOfIt() {
		OAuth2AccessToken first = token();
		assertThat(renewAt(first)).isEqualTo(first.getExpiresAt().minus(REFRESH_BEFORE_EXPIRY));
		this.clock.set(renewAt(first).minus(MILLI));
		token();
		assertThat(this.endpoint.requests()).isEqualTo(1);
		this.clock.set(renewAt(first));
		token();
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void shortLivedTokenIsRenewedNoEarlierThanHalfItsLife() {
		this.endpoint.lifetime(Duration.ofSeconds(30));
		OAuth2AccessToken first = token();
		Instant halfLife = first.getIssuedAt().plusSeconds(15);
		assertThat(renewAt(first)).isEqualTo(halfLife);
		this.clock.set(halfLife.minus(MILLI));
		token();
		assertThat(this.endpoint.requests()).isEqualTo(1);
		this.clock.set(halfLife);
		token();
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void tokenDueForRenewalIsServedWhileOneRenewalRunsInTheBackground() {
		OAuth2AccessToken first = token();
		this.clock.set(renewAt(first));
		this.endpoint.hold();
		for (int i = 0; i < 10; i++) {
			assertThat(token().getTokenValue()).as("served at once while the renewal runs").isEqualTo("token-1");
		}
		assertThat(this.endpoint.requests()).as("one renewal for every call in the window").isEqualTo(2);
		this.endpoint.release();
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		assertThat(this.endpoint.requests()).isEqualTo(2);
		assertThat(this.cache.state().fetches()).isEqualTo(2);
	}

	@Test
	void expiredTokenIsReplacedBeforeTheCallerGetsOne() {
		OAuth2AccessToken first = token();
		this.clock.set(first.getExpiresAt().minus(MILLI));
		this.endpoint.hold();
		assertThat(token().getTokenValue()).as("still valid, renewal in the background").isEqualTo("token-1");
		this.clock.set(first.getExpiresAt());
		List<String> received = new CopyOnWriteArrayList<>();
		this.cache.token().subscribe((token) -> received.add(token.getTokenValue()));
		assertThat(received).as("an expired token is never handed out").isEmpty();
		this.endpoint.release();
		assertThat(received).containsExactly("token-2");
		assertThat(this.endpoint.requests()).as("the caller joined the renewal in flight").isEqualTo(2);
	}

	@Test
	void failedBackgroundRenewalKeepsTheValidTokenAndIsTriedAgainAfterAQuarterOfItsTimeLeft() {
		OAuth2AccessToken first = token();
		Instant renewAt = renewAt(first);
		this.clock.set(renewAt);
		this.endpoint.fail();
		assertThat(token().getTokenValue()).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).isEqualTo(2);
		TokenState state = this.cache.state();
		assertThat(state.status()).isEqualTo(TokenState.Status.VALID);
		assertThat(state.lastFetchFailed()).isTrue();
		assertThat(state.failures()).isEqualTo(1);
		assertThat(state.lastFailure()).contains("HTTP 503");
		assertThat(state.lastFailureAt()).isEqualTo(renewAt);
		Instant retryAt = renewAt.plus(REFRESH_BEFORE_EXPIRY.dividedBy(4));
		assertThat(state.renewAt()).isEqualTo(retryAt);
		for (int i = 0; i < 20; i++) {
			this.clock.set(retryAt.minus(MILLI));
			assertThat(token().getTokenValue()).isEqualTo("token-1");
		}
		assertThat(this.endpoint.requests()).as("one failed renewal, not one per call").isEqualTo(2);
		this.endpoint.recover();
		this.clock.set(retryAt);
		token();
		assertThat(this.endpoint.requests()).isEqualTo(3);
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		assertThat(this.cache.state().lastFetchFailed()).isFalse();
	}

	@Test
	void failedFetchWithoutATokenFailsItsCallersForABackOffAndThenFetchesAgain() {
		this.endpoint.fail();
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(this::token)
			.withMessageContaining("HTTP 503");
		TokenState state = this.cache.state();
		assertThat(state.status()).isEqualTo(TokenState.Status.NONE);
		assertThat(state.lastFetchFailed()).isTrue();
		this.endpoint.recover();
		this.clock.advance(Duration.ofMillis(999));
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(this::token)
			.withMessageContaining("HTTP 503")
			.withMessageContaining("not asked again before");
		assertThat(this.endpoint.requests()).as("not asked during the back-off").isEqualTo(1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(token().getTokenValue()).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).isEqualTo(2);
		assertThat(this.cache.state().lastFetchFailed()).isFalse();
	}

	@Test
	void backOffDoublesWhileFetchesKeepFailingAndTheFirstSuccessEndsIt() {
		this.endpoint.fail();
		Duration expected = Duration.ofSeconds(1);
		for (int failure = 1; failure <= 4; failure++) {
			assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(this::token);
			assertThat(this.endpoint.requests()).isEqualTo(failure);
			this.clock.advance(expected.minusMillis(1));
			assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(this::token);
			assertThat(this.endpoint.requests()).as("within back-off %s", expected).isEqualTo(failure);
			this.clock.advance(Duration.ofMillis(1));
			expected = expected.multipliedBy(2);
		}
		this.endpoint.recover();
		assertThat(token().getTokenValue()).isEqualTo("token-1");
		this.cache.invalidate(token());
		this.endpoint.fail();
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(this::token);
		this.clock.advance(Duration.ofSeconds(1));
		this.endpoint.recover();
		assertThat(token().getTokenValue()).as("back-off starts again at one second").isEqualTo("token-2");
	}

	@Test
	void tokenThatAnotherInstanceSavedEndsTheBackOff() {
		this.endpoint.fail();
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(this::token);
		Instant now = this.clock.instant();
		this.store
			.save(this.key,
					new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "from-another-instance",
							now, now.plusSeconds(3600)), null))
			.block();
		assertThat(token().getTokenValue()).isEqualTo("from-another-instance");
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void callersThatAllCancelLeaveTheFetchToFinishForTheNext() {
		this.endpoint.hold();
		Disposable first = this.cache.token().subscribe();
		Disposable second = this.cache.token().subscribe();
		first.dispose();
		second.dispose();
		this.endpoint.release();
		assertThat(this.cache.state().fetches()).isEqualTo(1);
		assertThat(token().getTokenValue()).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void rejectedTokenIsDroppedOnlyWhileItIsCurrent() {
		OAuth2AccessToken first = token();
		assertThat(this.cache.isCurrent(first)).isTrue();
		assertThat(this.cache.invalidate(first)).isTrue();
		assertThat(this.cache.isCurrent(first)).isFalse();
		assertThat(this.cache.invalidate(first)).as("already dropped").isFalse();
		OAuth2AccessToken second = token();
		assertThat(second.getTokenValue()).isEqualTo("token-2");
		assertThat(this.cache.invalidate(first)).as("replaced meanwhile").isFalse();
		assertThat(this.cache.isCurrent(second)).isTrue();
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void droppedTokenIsRemovedFromTheStore() {
		OAuth2AccessToken first = token();
		assertThat(this.store.load(this.key).block()).isNotNull();
		this.cache.invalidate(first);
		assertThat(this.store.load(this.key).block()).isNull();
	}

	@Test
	void droppingARejectedTokenKeepsANewerOneAnotherInstanceStored() {
		OAuth2AccessToken first = token();
		OAuth2AccessToken newer = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-another",
				this.clock.instant(), this.clock.instant().plus(Duration.ofHours(1)));
		this.store.save(this.key, new StoredToken(newer, null)).block();
		assertThat(this.cache.invalidate(first)).isTrue();
		assertThat(this.store.load(this.key).block().accessToken().getTokenValue()).isEqualTo("token-of-another");
		assertThat(token().getTokenValue()).as("taken from the store").isEqualTo("token-of-another");
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void rejectedTokenStillInTheStoreIsNotTakenBack() {
		OAuth2AccessToken first = token();
		this.cache.invalidate(first);
		this.store.save(this.key, new StoredToken(first, null)).block();
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void storedTokenIsUsedOnlyBeforeItsRenewalTime() {
		Instant now = this.clock.instant();
		OAuth2AccessToken stored = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "stored", now,
				now.plus(Duration.ofHours(1)));
		this.store.save(this.key, new StoredToken(stored, null)).block();
		assertThat(token().getTokenValue()).isEqualTo("stored");
		assertThat(this.endpoint.requests()).isZero();
		this.clock.set(renewAt(stored));
		token();
		assertThat(this.endpoint.requests()).as("a stored token due for renewal is not taken again").isEqualTo(1);
		assertThat(token().getTokenValue()).isEqualTo("token-1");
	}

	@Test
	void stateIsReadWithoutFetching() {
		assertThat(this.cache.state().status()).isEqualTo(TokenState.Status.NONE);
		OAuth2AccessToken first = token();
		TokenState state = this.cache.state();
		assertThat(state.status()).isEqualTo(TokenState.Status.VALID);
		assertThat(state.expiresAt()).isEqualTo(first.getExpiresAt());
		assertThat(state.renewAt()).isEqualTo(renewAt(first));
		assertThat(state.fetches()).isEqualTo(1);
		this.clock.set(first.getExpiresAt());
		assertThat(this.cache.state().status()).isEqualTo(TokenState.Status.EXPIRED);
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void callerPreemptedAcrossTheEndOfARenewalStartsNoSecondOne() {
		InterleavingClock interleaving = new InterleavingClock(this.clock);
		PartnerTokenCache cache = cache(this.endpoint.fetcher(), this.store, interleaving, null);
		OAuth2AccessToken first = cache.token().block(Duration.ofSeconds(5));
		this.clock.set(renewAt(first));
		this.endpoint.lifetime(Duration.ofHours(2));
		this.endpoint.hold();
		assertThat(cache.token().block(Duration.ofSeconds(5)).getTokenValue()).isEqualTo("token-1");
		assertThat(this.endpoint.requests()).as("the renewal runs").isEqualTo(2);
		interleaving.onNextRead(this.endpoint::release);
		assertThat(cache.token().block(Duration.ofSeconds(5)).getTokenValue())
			.as("read before the renewal ended, while token-1 was current")
			.isEqualTo("token-1");
		assertThat(cache.token().block(Duration.ofSeconds(5)).getTokenValue()).isEqualTo("token-2");
		assertThat(this.endpoint.requests()).as("no second renewal after the first ended").isEqualTo(2);
	}

	@Test
	void leaseCoversARefreshThatTimesOutAndItsClientCredentialsFallBack() {
		PartnerTokenCache cache = cache(this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN), this.store, this.clock,
				null);
		this.endpoint.hold();
		Disposable waiting = cache.token().subscribe();
		try {
			this.clock.advance(Duration.ofSeconds(22));
			assertThat(this.store.tryLease(this.key, "another-instance", Duration.ofSeconds(1)).block())
				.as("two 10 s token requests and the quota calls around them are still within the lease")
				.isFalse();
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(this.store.tryLease(this.key, "another-instance", Duration.ofSeconds(1)).block())
				.as("the lease ends with the flight's longest time")
				.isTrue();
		}
		finally {
			waiting.dispose();
		}
	}

	@Test
	void saveAnnouncedWhileTheLeaseIsAskedForIsSeenWithoutWaitingForTheNextTry() {
		ObservedStore observed = new ObservedStore(this.clock);
		PartnerTokenCache cache = cache(this.endpoint.fetcher(), observed, this.clock, null);
		Instant now = this.clock.instant();
		StoredToken saved = new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				"saved-by-the-holder", now, now.plusSeconds(3600)), null);
		observed.holdLeaseElsewhere(() -> observed.save(this.key, saved).block());
		List<String> received = new CopyOnWriteArrayList<>();
		Disposable waiting = cache.token().subscribe((token) -> received.add(token.getTokenValue()));
		try {
			assertThat(received).as("loaded on the save announced before the lease was refused, not a second later")
				.containsExactly("saved-by-the-holder");
			assertThat(observed.calls("tryLease")).isEqualTo(1);
			assertThat(this.endpoint.requests()).isZero();
		}
		finally {
			waiting.dispose();
		}
	}

	@Test
	void cacheListensToItsStoreFromStartUntilClose() {
		ObservedStore observed = new ObservedStore(this.clock);
		TokenStoreCoordinator coordinator = new TokenStoreCoordinator(observed, this.key.partner(), () -> this.key,
				STORE_TIMEOUT, Duration.ofSeconds(10));
		PartnerTokenCache cache = new PartnerTokenCache(this.endpoint.fetcher(), coordinator,
				new RenewalPolicy(REFRESH_BEFORE_EXPIRY, Duration.ofSeconds(30)),
				new MonthlyTokenQuota(null, observed, this.key, STORE_TIMEOUT, this.clock), this.clock);
		assertThat(observed.listeners()).as("not from the constructor").isZero();
		cache.start();
		cache.start();
		assertThat(observed.listeners()).isEqualTo(1);
		cache.close();
		assertThat(observed.listeners()).isZero();
	}

	@Test
	void tokenAnnouncedByAnotherInstanceRefreshesTheFleetsCount() {
		PartnerTokenCache cache = cache(this.endpoint.fetcher(), this.store, this.clock, 1000);
		new MonthlyTokenQuota(1000, this.store, this.key, STORE_TIMEOUT, this.clock).beforeRequest().block();
		assertThat(cache.quota().state().remaining()).isEqualTo(1000);
		Instant now = this.clock.instant();
		this.store
			.save(this.key, new StoredToken(
					new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "t", now, now.plusSeconds(60)), null))
			.block();
		assertThat(cache.quota().state().remaining()).isEqualTo(999);
	}

	private PartnerTokenCache cache(TokenFetcher fetcher, PartnerTokenStore store, Clock clock,
			@Nullable Integer quota) {
		TokenEndpoint.Retries retries = new TokenEndpoint.Retries(Duration.ofSeconds(10), 0, Duration.ofMillis(200));
		Duration lease = TokenWait.of(retries, fetcher.requestsPerFetch(), STORE_TIMEOUT).lease();
		PartnerTokenCache cache = new PartnerTokenCache(fetcher,
				new TokenStoreCoordinator(store, this.key.partner(), () -> this.key, STORE_TIMEOUT, lease),
				new RenewalPolicy(REFRESH_BEFORE_EXPIRY, Duration.ofSeconds(30)),
				new MonthlyTokenQuota(quota, store, this.key, STORE_TIMEOUT, clock), clock);
		cache.start();
		return cache;
	}

	private OAuth2AccessToken token() {
		OAuth2AccessToken token = this.cache.token().block(Duration.ofSeconds(5));
		assertThat(token).isNotNull();
		return token;
	}

	private static Instant renewAt(OAuth2AccessToken token) {
		return new RenewalPolicy(REFRESH_BEFORE_EXPIRY, Duration.ofSeconds(30)).renewAt(token);
	}

	/**
	 * A clock that runs an action when it is next read, so that a test can make another
	 * thread's work happen exactly between two steps of the code under test, as a thread
	 * pre-empted there would see it.
	 */
	private static final class InterleavingClock extends Clock {

		private final Clock clock;

		private final AtomicReference<Runnable> next = new AtomicReference<>();

		InterleavingClock(Clock clock) {
			this.clock = clock;
		}

		void onNextRead(Runnable action) {
			this.next.set(action);
		}

		@Override
		public Instant instant() {
			Runnable action = this.next.getAndSet(null);
			if (action != null) {
				action.run();
			}
			return this.clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return this.clock.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this.clock.withZone(zone);
		}

	}

}
