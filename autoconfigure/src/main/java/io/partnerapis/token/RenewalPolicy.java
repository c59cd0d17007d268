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

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.Assert;

/**
 * Decides when a partner's token is renewed: ahead of its expiry ({@link #renewAt}),
 * again after a failed renewal ({@link #retryAfterFailure}), after failed fetches while
 * no valid token is held ({@link #backOffAfterFailure}), and after the partner rejected
 * it with 401 Unauthorized ({@link #forcedRenewalInterval}). Each rule is stated on its
 * method, and only there.
 */
final class RenewalPolicy {

	private static final Duration MIN_RETRY_DELAY = Duration.ofSeconds(5);

	private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

	private static final Duration MAX_FORCED_RENEWAL_INTERVAL = Duration.ofHours(1);

	private static final Duration FIRST_FAILURE_BACK_OFF = Duration.ofSeconds(1);

	private static final Duration MAX_FAILURE_BACK_OFF = Duration.ofMinutes(1);

	private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

	private final Duration refreshBeforeExpiry;

	private final Duration unauthorizedRenewalInterval;

	/**
	 * Creates a new policy.
	 * @param refreshBeforeExpiry how long before expiry a token is renewed
	 * @param unauthorizedRenewalInterval shortest time between two renewals forced by 401
	 */
	RenewalPolicy(Duration refreshBeforeExpiry, Duration unauthorizedRenewalInterval) {
		Assert.isTrue(!refreshBeforeExpiry.isNegative(), "'refreshBeforeExpiry' must not be negative");
		Assert.isTrue(!unauthorizedRenewalInterval.isNegative(), "'unauthorizedRenewalInterval' must not be negative");
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.unauthorizedRenewalInterval = unauthorizedRenewalInterval;
	}

	/**
	 * Returns when a token is due for renewal: {@code refresh-before-expiry} before it
	 * expires, but never before half of its lifetime has passed, so that a short-lived
	 * token is not fetched on every call.
	 * @param token the token
	 * @return the instant from which it is renewed in the background, or
	 * {@link Instant#MAX} for a token that does not expire
	 */
	Instant renewAt(OAuth2AccessToken token) {
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return Instant.MAX;
		}
		Instant early = expiresAt.minus(this.refreshBeforeExpiry);
		Instant issuedAt = token.getIssuedAt();
		if (issuedAt == null) {
			return early;
		}
		Instant halfLife = issuedAt.plus(Duration.between(issuedAt, expiresAt).dividedBy(2));
		return early.isAfter(halfLife) ? early : halfLife;
	}

	/**
	 * Returns when a background renewal that just failed is tried again: after a quarter
	 * of the time the token has left, between five and thirty seconds, not on every call.
	 * @param now the current instant
	 * @param expiresAt when the token in use expires
	 * @return the instant of the next attempt
	 */
	Instant retryAfterFailure(Instant now, @Nullable Instant expiresAt) {
		if (expiresAt == null) {
			return now.plus(MAX_RETRY_DELAY);
		}
		Duration delay = Duration.between(now, expiresAt).dividedBy(4);
		if (delay.compareTo(MIN_RETRY_DELAY) < 0) {
			delay = MIN_RETRY_DELAY;
		}
		else if (delay.compareTo(MAX_RETRY_DELAY) > 0) {
			delay = MAX_RETRY_DELAY;
		}
		return now.plus(delay);
	}

	/**
	 * Returns how long callers that hold no valid token get a failed fetch's error before
	 * the token endpoint is asked again: one second, doubling up to a minute while
	 * failures continue, or as long as the endpoint's {@code Retry-After} says, up to ten
	 * minutes.
	 * @param consecutiveFailures how many fetches failed in a row, at least 1
	 * @param retryAfter how long the endpoint asked not to be asked again, or
	 * {@code null}
	 * @return the back-off
	 */
	Duration backOffAfterFailure(int consecutiveFailures, @Nullable Duration retryAfter) {
		if (retryAfter != null && !retryAfter.isNegative()) {
			return (retryAfter.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : retryAfter;
		}
		Duration backOff = FIRST_FAILURE_BACK_OFF;
		for (int i = 1; i < consecutiveFailures && backOff.compareTo(MAX_FAILURE_BACK_OFF) < 0; i++) {
			backOff = backOff.multipliedBy(2);
		}
		return (backOff.compareTo(MAX_FAILURE_BACK_OFF) > 0) ? MAX_FAILURE_BACK_OFF : backOff;
	}

	/**
	 * Returns whether a 401 may force a renewal now: not before the
	 * {@link #forcedRenewalInterval forced renewal interval} has passed since the last
	 * one.
	 * @param now the current instant
	 * @param lastForced when the last forced renewal happened, or {@code null}
	 * @param unaccepted how many forced renewals happened since the partner last accepted
	 * a token
	 * @return whether a renewal may be forced
	 */
	boolean mayForceRenewal(Instant now, @Nullable Instant lastForced, int unaccepted) {
		return lastForced == null || !now.isBefore(lastForced.plus(forcedRenewalInterval(unaccepted)));
	}

	/**
	 * Returns the shortest time after a forced renewal before the next one. It is
	 * {@code unauthorized-renewal-interval} after the first, and doubles with each
	 * further forced renewal, up to an hour or the configured interval if that is longer,
	 * until a renewal is proved to cure its 401 ({@link ForcedRenewals#accepted} says
	 * what proves it). So an endpoint that always answers 401 beside endpoints that
	 * accept the same token costs about 30 tokens a day, not 2,880.
	 * @param unaccepted how many forced renewals happened since the partner last accepted
	 * a token
	 * @return the interval
	 */
	Duration forcedRenewalInterval(int unaccepted) {
		Duration cap = (this.unauthorizedRenewalInterval.compareTo(MAX_FORCED_RENEWAL_INTERVAL) > 0)
				? this.unauthorizedRenewalInterval : MAX_FORCED_RENEWAL_INTERVAL;
		Duration interval = this.unauthorizedRenewalInterval;
		for (int i = 1; i < unaccepted && interval.compareTo(cap) < 0; i++) {
			interval = interval.multipliedBy(2);
		}
		return (interval.compareTo(cap) > 0) ? cap : interval;
	}

}
