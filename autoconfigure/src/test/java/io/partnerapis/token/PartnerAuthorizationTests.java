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

import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApiException;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link PartnerAuthorization}, the decision point after a 401 Unauthorized,
 * over a real token cache, a token endpoint in memory and a clock the tests move.
 */
class PartnerAuthorizationTests {

	private static final Duration INTERVAL = Duration.ofSeconds(30);

	private static final Duration MILLI = Duration.ofMillis(1);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String GET = "GET";

	private static final URI THINGS = URI.create("http://127.0.0.1:8080/things");

	private static final URI OTHER = URI.create("http://127.0.0.1:8080/other");

	private final MutableClock clock = new MutableClock();

	private final StubTokenEndpoint endpoint = new StubTokenEndpoint();

	private final PartnerTokenStore store = PartnerTokenStore.inMemory(this.clock);

	private final TokenKey key = new TokenKey("acme", "0123456789abcdef");

	private final PartnerAuthorization authorization = authorization(true);

	@Test
	void rejectionWithinTheIntervalReplaysWithANewerTokenAnotherInstanceStored() {
		assertThat(replays(this.authorization, GET, THINGS, token(), null)).isTrue();
		OAuth2AccessToken second = token();
		this.store
			.save(this.key,
					new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
							"token-of-another-instance", second.getIssuedAt().plusSeconds(1), second.getExpiresAt()),
							null))
			.block(Duration.ofSeconds(5));
		OAuth2AccessToken replay = this.authorization.replayToken(request(GET, THINGS), second, null)
			.block(Duration.ofSeconds(5));
		assertThat(replay).isNotNull();
		assertThat(replay.getTokenValue()).isEqualTo("token-of-another-instance");
		assertThat(token().getTokenValue()).as("taken into use").isEqualTo("token-of-another-instance");
		assertThat(this.endpoint.requests()).isEqualTo(2);
		assertThat(count(UnauthorizedRetryOutcome.SKIPPED)).isZero();
	}

	@Test
	void rejectionWithinTheIntervalWithNothingNewerStoredIsNotReplayed() {
		assertThat(replays(this.authorization, GET, THINGS, token(), null)).isTrue();
		OAuth2AccessToken second = token();
		assertThat(
				this.authorization.replayToken(request(GET, THINGS), second, null).blockOptional(Duration.ofSeconds(5)))
			.isEmpty();
		assertThat(count(UnauthorizedRetryOutcome.SKIPPED)).isEqualTo(1);
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void rejectedTokenIsDroppedAndTheRequestReplayedWithAFreshOne() {
		OAuth2AccessToken first = token();
		assertThat(replays(this.authorization, GET, THINGS, first, null)).isTrue();
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		this.authorization.replayAnswered(request(GET, THINGS), token(), HttpStatus.OK);
		assertThat(count(UnauthorizedRetryOutcome.RECOVERED)).isEqualTo(1);
		assertThat(count(UnauthorizedRetryOutcome.SKIPPED)).isZero();
		assertThat(count(UnauthorizedRetryOutcome.FAILED)).isZero();
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void manyRejectionsOfOneTokenCauseOneRenewalAndAllReplay() {
		OAuth2AccessToken first = token();
		for (int i = 0; i < 200; i++) {
			assertThat(replays(this.authorization, GET, THINGS, first, null)).isTrue();
		}
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		assertThat(replays(this.authorization, GET, THINGS, first, null)).as("rejected before it was replaced")
			.isTrue();
		assertThat(token().getTokenValue()).isEqualTo("token-2");
		assertThat(this.endpoint.requests()).isEqualTo(2);
	}

	@Test
	void renewalsForcedByRejectionsAreAtMostOnePerInterval() {
		OAuth2AccessToken first = token();
		assertThat(replays(this.authorization, GET, THINGS, first, null)).isTrue();
		OAuth2AccessToken second = token();
		this.clock.advance(INTERVAL.minus(MILLI));
		assertThat(replays(this.authorization, GET, THINGS, second, null)).as("within the interval").isFalse();
		assertThat(count(UnauthorizedRetryOutcome.SKIPPED)).isEqualTo(1);
		assertThat(token().getTokenValue()).as("kept, since no renewal may be forced yet").isEqualTo("token-2");
		this.clock.advance(MILLI);
		assertThat(replays(this.authorization, GET, THINGS, second, null)).isTrue();
		assertThat(token().getTokenValue()).isEqualTo("token-3");
		assertThat(this.endpoint.requests()).isEqualTo(3);
	}

	@Test
	void intervalDoublesWhileThePartnerRejectsFreshTokens() {
		assertThat(replays(this.authorization, GET, THINGS, token(), null)).isTrue();
		Duration interval = INTERVAL;
		for (int renewal = 2; renewal <= 5; renewal++) {
			OAuth2AccessToken rejected = token();
			this.clock.advance(interval.minus(MILLI));
			assertThat(replays(this.authorization, GET, THINGS, rejected, null))
				.as("renewal %d after %s", renewal, interval.minus(MILLI))
				.isFalse();
			this.clock.advance(MILLI);
			assertThat(replays(this.authorization, GET, THINGS, rejected, null))
				.as("renewal %d after %s", renewal, interval)
				.isTrue();
			interval = interval.multipliedBy(2);
		}
		assertThat(token().getTokenValue()).isEqualTo("token-6");
		assertThat(this.endpoint.requests()).isEqualTo(6);
	}

	@Test
	void rejectedRequestAcceptedWithTheNewTokenResetsTheIntervalToItsShortest() {
		forceTwoRenewals();
		OAuth2AccessToken third = token();
		this.authorization.accepted(request(GET, THINGS), third);
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isTrue();
	}

	@Test
	void acceptedAnswerToAnotherRequestKeepsTheDoubledInterval() {
		forceTwoRenewals();
		OAuth2AccessToken third = token();
		this.authorization.accepted(request(GET, OTHER), third);
		this.authorization.accepted(request("POST", THINGS), third);
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isFalse();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isTrue();
	}

	@Test
	void rejectedRequestAcceptedWithTheRejectedTokenKeepsTheDoubledInterval() {
		OAuth2AccessToken first = token();
		assertThat(replays(this.authorization, GET, THINGS, first, null)).isTrue();
		OAuth2AccessToken second = token();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, second, null)).isTrue();
		this.authorization.accepted(request(GET, THINGS), second);
		OAuth2AccessToken third = token();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isFalse();
	}

	@Test
	void replayAnsweredWithoutUnauthorizedResetsTheInterval() {
		forceTwoRenewals();
		this.authorization.replayAnswered(request(GET, THINGS), token(), HttpStatus.OK);
		OAuth2AccessToken third = token();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isTrue();
		assertThat(count(UnauthorizedRetryOutcome.RECOVERED)).isEqualTo(1);
	}

	@Test
	void replayAnsweredWithUnauthorizedKeepsTheDoubledInterval() {
		forceTwoRenewals();
		this.authorization.replayAnswered(request(GET, THINGS), token(), HttpStatus.UNAUTHORIZED);
		OAuth2AccessToken third = token();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isFalse();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isTrue();
		assertThat(count(UnauthorizedRetryOutcome.FAILED)).isEqualTo(1);
	}

	@Test
	void acceptedReplayOfAnotherRequestKeepsTheDoubledInterval() {
		forceTwoRenewals();
		this.authorization.replayAnswered(request(GET, OTHER), token(), HttpStatus.OK);
		OAuth2AccessToken third = token();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, third, null)).isFalse();
		assertThat(count(UnauthorizedRetryOutcome.RECOVERED)).isEqualTo(1);
	}

	@Test
	void replayThatFailedWithoutAnAnswerIsCountedAsFailed() {
		this.authorization.replayFailed();
		assertThat(count(UnauthorizedRetryOutcome.FAILED)).isEqualTo(1);
		assertThat(count(UnauthorizedRetryOutcome.RECOVERED)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer error=\"insufficient_scope\", scope=\"payments\"",
			"Bearer realm=\"api\", error=\"insufficient_scope\"", "Bearer ERROR = INSUFFICIENT_SCOPE" })
	void insufficientScopeNeitherRenewsNorReplays(String challenge) {
		OAuth2AccessToken first = token();
		assertThat(replays(this.authorization, GET, THINGS, first, challenge)).isFalse();
		assertThat(token().getTokenValue()).isEqualTo("token-1");
		assertThat(count(UnauthorizedRetryOutcome.SKIPPED)).isEqualTo(1);
		assertThat(this.endpoint.requests()).isEqualTo(1);
	}

	@Test
	void otherChallengeErrorsRenewAndReplay() {
		OAuth2AccessToken first = token();
		assertThat(replays(this.authorization, GET, THINGS, first, "Bearer error=\"invalid_token\", scope_hint=\"x\""))
			.isTrue();
		assertThat(token().getTokenValue()).isEqualTo("token-2");
	}

	@Test
	void insufficientScopeIsNotCountedWhenRetryIsOff() {
		PartnerAuthorization noRetry = authorization(false);
		OAuth2AccessToken first = noRetry.token().block();
		assertThat(replays(noRetry, GET, THINGS, first, "Bearer error=\"insufficient_scope\"")).isFalse();
		assertThat(noRetry.token().block().getTokenValue()).isEqualTo("token-1");
		assertThat(noRetry.unauthorizedCount(UnauthorizedRetryOutcome.SKIPPED)).isZero();
	}

	@Test
	void bodyThatCannotBeSentAgainIsNotReplayedButItsTokenIsDropped() {
		OAuth2AccessToken first = token();
		this.authorization.unauthorized(request(GET, THINGS), first, null);
		assertThat(count(UnauthorizedRetryOutcome.SKIPPED)).isEqualTo(1);
		assertThat(token().getTokenValue()).as("the next call gets a fresh token").isEqualTo("token-2");
	}

	@Test
	void retryOffDropsTheRejectedTokenWithoutReplayingOrCounting() {
		PartnerAuthorization noRetry = authorization(false);
		assertThat(noRetry.replaysUnauthorized()).isFalse();
		OAuth2AccessToken first = noRetry.token().block();
		assertThat(replays(noRetry, GET, THINGS, first, null)).isFalse();
		assertThat(noRetry.token().block().getTokenValue()).isEqualTo("token-2");
		for (UnauthorizedRetryOutcome outcome : UnauthorizedRetryOutcome.values()) {
			assertThat(noRetry.unauthorizedCount(outcome)).as(outcome.name()).isZero();
		}
	}

	@Test
	void retryOffStillRateLimitsForcedRenewals() {
		PartnerAuthorization noRetry = authorization(false);
		replays(noRetry, GET, THINGS, noRetry.token().block(), null);
		OAuth2AccessToken second = noRetry.token().block();
		this.clock.advance(INTERVAL.minus(MILLI));
		replays(noRetry, GET, THINGS, second, null);
		assertThat(noRetry.token().block().getTokenValue()).isEqualTo("token-2");
		this.clock.advance(MILLI);
		replays(noRetry, GET, THINGS, second, null);
		assertThat(noRetry.token().block().getTokenValue()).isEqualTo("token-3");
	}

	@Test
	void requestsGoOnlyToThePartnersOrigin() {
		PartnerAuthorization acme = new PartnerAuthorization(
				PartnerOrigin.of("acme", URI.create("https://API.example.com/v1")), cache(), policy(), this.clock, true,
				WAIT);
		assertThatNoException()
			.isThrownBy(() -> acme.checkOrigin(request("GET", URI.create("https://api.example.com/x")), "WebClient"));
		assertThatNoException().isThrownBy(
				() -> acme.checkOrigin(request("GET", URI.create("HTTPS://api.example.com:443/x")), "WebClient"));
		for (String other : new String[] { "http://api.example.com/x", "https://api.example.com:8443/x",
				"https://evil.example.com/x", "https://api.example.com.evil.test/x" }) {
			assertThatExceptionOfType(PartnerApiException.class)
				.isThrownBy(() -> acme.checkOrigin(request("POST", URI.create(other)), "WebClient"))
				.withMessageContaining("Partner 'acme' WebClient refused a POST request")
				.withMessageContaining("'partner.apis.acme.base-url'");
		}
	}

	private void forceTwoRenewals() {
		assertThat(replays(this.authorization, GET, THINGS, token(), null)).isTrue();
		OAuth2AccessToken second = token();
		this.clock.advance(INTERVAL);
		assertThat(replays(this.authorization, GET, THINGS, second, null)).isTrue();
	}

	private PartnerAuthorization authorization(boolean retryOnUnauthorized) {
		return new PartnerAuthorization(PartnerOrigin.of("acme", URI.create("http://127.0.0.1:8080")), cache(),
				policy(), this.clock, retryOnUnauthorized, WAIT);
	}

	private PartnerTokenCache cache() {
		PartnerTokenCache cache = new PartnerTokenCache(this.endpoint.fetcher(),
				new TokenStoreCoordinator(this.store, this.key.partner(), () -> this.key, Duration.ofMillis(500),
						Duration.ofSeconds(10)),
				policy(), new MonthlyTokenQuota(null, this.store, this.key, Duration.ofMillis(500), this.clock),
				this.clock);
		cache.start();
		return cache;
	}

	/**
	 * Returns whether a 401 answer to a request whose body can be sent again is replayed.
	 */
	private static boolean replays(PartnerAuthorization authorization, String method, URI uri,
			OAuth2AccessToken rejected, @Nullable String challenge) {
		return authorization.replayToken(request(method, uri), rejected, challenge)
			.blockOptional(Duration.ofSeconds(5))
			.isPresent();
	}

	private static HttpRequest request(String method, URI uri) {
		return new MockClientHttpRequest(HttpMethod.valueOf(method), uri);
	}

	private static RenewalPolicy policy() {
		return new RenewalPolicy(Duration.ofSeconds(60), INTERVAL);
	}

	private OAuth2AccessToken token() {
		OAuth2AccessToken token = this.authorization.token().block(Duration.ofSeconds(5));
		assertThat(token).isNotNull();
		return token;
	}

	private long count(UnauthorizedRetryOutcome outcome) {
		return this.authorization.unauthorizedCount(outcome);
	}

}
