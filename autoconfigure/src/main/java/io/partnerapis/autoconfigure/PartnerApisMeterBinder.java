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

package io.partnerapis.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApis;
import io.partnerapis.TokenState;
import io.partnerapis.observation.DefaultTokenFetchObservationConvention;

/**
 * {@link MeterBinder} for the state partner-apis keeps about each partner: how requests
 * the partner answered with 401 Unauthorized ended, and how long the cached token has
 * left. Both are read from {@link PartnerApi} when a registry polls them, so binding adds
 * no work to a request. Token requests themselves are timed by the
 * {@value DefaultTokenFetchObservationConvention#NAME} observation instead.
 *
 * <p>
 * Every meter is tagged with the partner's name only, never with a client id, a secret or
 * a token.
 */
final class PartnerApisMeterBinder implements MeterBinder {

	/**
	 * Name of the counter of requests a partner answered with 401 Unauthorized, by
	 * outcome.
	 */
	static final String UNAUTHORIZED_RETRIES = "partner.apis.unauthorized.retries";

	/**
	 * Name of the gauge of seconds until a partner's cached token expires.
	 */
	static final String TOKEN_EXPIRY = "partner.apis.token.expiry";

	/**
	 * Name of the gauge of tokens a partner may still issue this month, registered for
	 * partners with a monthly quota.
	 */
	static final String TOKEN_QUOTA_REMAINING = "partner.apis.token.quota.remaining";

	/**
	 * Tag key holding the partner's name.
	 */
	static final String PARTNER_TAG = "partner";

	/**
	 * Tag key holding the {@linkplain UnauthorizedRetryOutcome#tagValue() outcome} of a
	 * 401 answer.
	 */
	static final String OUTCOME_TAG = "outcome";

	private static final String UNAUTHORIZED_RETRIES_DESCRIPTION = "Requests the partner answered with 401 Unauthorized: "
			+ "recovered by one replay with a fresh token, failed again, or skipped without a replay";

	private static final String TOKEN_EXPIRY_DESCRIPTION = "Seconds until the partner's cached token expires, "
			+ "0 when no valid token is cached";

	private static final String TOKEN_QUOTA_REMAINING_DESCRIPTION = "Token requests the partner may still receive this "
			+ "quota month under its monthly quota, as counted for the fleet with the Redis token store";

	private final PartnerApis apis;

	private final Clock clock;

	/**
	 * Creates a binder for the given partners that reads the time from the system clock.
	 * @param apis the partners
	 */
	PartnerApisMeterBinder(PartnerApis apis) {
		this(apis, Clock.systemUTC());
	}

	/**
	 * Creates a binder for the given partners.
	 * @param apis the partners
	 * @param clock the clock that the token expiry is measured against
	 */
	PartnerApisMeterBinder(PartnerApis apis, Clock clock) {
		this.apis = apis;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (PartnerApi api : this.apis.getAll()) {
			for (UnauthorizedRetryOutcome outcome : UnauthorizedRetryOutcome.values()) {
				FunctionCounter.builder(UNAUTHORIZED_RETRIES, api, (partner) -> partner.getUnauthorizedCount(outcome))
					.description(UNAUTHORIZED_RETRIES_DESCRIPTION)
					.tag(PARTNER_TAG, api.getName())
					.tag(OUTCOME_TAG, outcome.tagValue())
					.register(registry);
			}
			Gauge.builder(TOKEN_EXPIRY, api, this::secondsUntilExpiry)
				.description(TOKEN_EXPIRY_DESCRIPTION)
				.baseUnit("seconds")
				.tag(PARTNER_TAG, api.getName())
				.register(registry);
			if (api.getTokenQuota().limit() != null) {
				Gauge.builder(TOKEN_QUOTA_REMAINING, api, PartnerApisMeterBinder::quotaRemaining)
					.description(TOKEN_QUOTA_REMAINING_DESCRIPTION)
					.baseUnit("tokens")
					.tag(PARTNER_TAG, api.getName())
					.register(registry);
			}
		}
	}

	private static double quotaRemaining(PartnerApi api) {
		Long remaining = api.getTokenQuota().remaining();
		return (remaining != null) ? remaining : Double.NaN;
	}

	/**
	 * Returns how many seconds the partner's cached token has left: 0 rather than NaN
	 * when no token is cached, it expired, or its expiry time is unknown, so that alerts
	 * on a low value also fire when there is no token at all.
	 * @param api the partner
	 * @return the seconds until expiry, never negative
	 */
	private double secondsUntilExpiry(PartnerApi api) {
		TokenState state = api.getTokenState();
		Instant expiresAt = state.expiresAt();
		if (state.status() != TokenState.Status.VALID || expiresAt == null) {
			return 0;
		}
		Duration left = Duration.between(this.clock.instant(), expiresAt);
		return left.isNegative() ? 0 : left.toMillis() / 1000.0;
	}

}
