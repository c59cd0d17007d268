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

import io.partnerapis.PartnerApi;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} of one partner, judged from what its token cache and monthly
 * quota already know, so that checking health never sends a token request. Details never
 * hold a client id, a secret or a token: failure messages come from partner-apis, which
 * masks token values and the client secret in them.
 */
final class PartnerApiHealthIndicator implements HealthIndicator {

	private final PartnerApi api;

	/**
	 * Creates an indicator of the given partner.
	 * @param api the partner
	 */
	PartnerApiHealthIndicator(PartnerApi api) {
		this.api = api;
	}

	/**
	 * Returns the partner's health: {@link Status#DOWN DOWN} while the monthly token
	 * quota is exhausted, else {@linkplain #status(TokenState) as its token stands}.
	 * Details name the provider, the token's status and expiry, the store's failure, the
	 * failure of the most recent fetch (class and message) and when, if it failed, and
	 * the quota's count.
	 * @return the health
	 */
	@Override
	public Health health() {
		TokenState state = this.api.getTokenState();
		TokenQuota quota = this.api.getTokenQuota();
		Health.Builder builder = new Health.Builder(quota.exhausted() ? Status.DOWN : status(state));
		builder.withDetail("provider", this.api.getProvider().id());
		builder.withDetail("tokenState", state.status().name());
		if (state.expiresAt() != null) {
			builder.withDetail("expiresAt", state.expiresAt());
		}
		if (state.storeFailure() != null) {
			builder.withDetail("store", state.storeFailure());
		}
		if (state.lastFetchFailed() && state.lastFailure() != null) {
			builder.withDetail("error", state.lastFailure());
			if (state.lastFailureAt() != null) {
				builder.withDetail("failedAt", state.lastFailureAt());
			}
		}
		if (quota.limit() != null) {
			builder.withDetail("quota", quota.issued() + " of " + quota.limit() + " tokens issued in " + quota.month()
					+ (quota.exhausted() ? ", none left until " + quota.resetsAt() : ""));
		}
		return builder.build();
	}

	/**
	 * Returns the status the partner's token gives.
	 * @param state the token's state
	 * @return {@link Status#UP UP} while a valid token is cached, or the most recent
	 * token fetch succeeded; {@link Status#DOWN DOWN} when the most recent fetch failed
	 * and no valid token remains; {@link Status#UNKNOWN UNKNOWN} before any token was
	 * fetched
	 */
	private static Status status(TokenState state) {
		if (state.status() == TokenState.Status.VALID) {
			return Status.UP;
		}
		if (state.lastFetchFailed()) {
			return Status.DOWN;
		}
		return (state.fetches() > 0) ? Status.UP : Status.UNKNOWN;
	}

	@Override
	public String toString() {
		return "PartnerApiHealthIndicator[" + this.api.getName() + "]";
	}

}
