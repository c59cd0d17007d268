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

import io.partnerapis.PartnerTokenException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Keeps callers of one partner that find no valid token from asking a failing token
 * endpoint again at once, for as long as {@link RenewalPolicy#backOffAfterFailure} says;
 * meanwhile they get the last failure, which says when the endpoint is asked again.
 */
final class FetchBackOff {

	private final String partner;

	private final RenewalPolicy policy;

	private final Clock clock;

	private volatile @Nullable State state;

	FetchBackOff(String partner, RenewalPolicy policy, Clock clock) {
		this.partner = partner;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Returns the failure to give callers while the back-off lasts.
	 * @return the failure, or {@code null} when the endpoint may be asked
	 */
	@Nullable PartnerTokenException failure() {
		State state = this.state;
		return (state != null && this.clock.instant().isBefore(state.until)) ? state.failure : null;
	}

	/**
	 * Starts or lengthens the back-off after a failed fetch.
	 * @param ex the failure
	 */
	void failed(Throwable ex) {
		State previous = this.state;
		int consecutive = (previous != null) ? previous.consecutive + 1 : 1;
		Duration retryAfter = (ex instanceof PartnerTokenException tokenException) ? tokenException.getRetryAfter()
				: null;
		Instant until = this.clock.instant().plus(this.policy.backOffAfterFailure(consecutive, retryAfter));
		this.state = new State(backedOff(ex, until), until, consecutive);
	}

	/**
	 * Ends the back-off, since a token was fetched or the store holds one.
	 */
	void clear() {
		this.state = null;
	}

	private PartnerTokenException backedOff(Throwable ex, Instant until) {
		String notice = " (the token endpoint is not asked again before " + until + ")";
		if (ex instanceof PartnerTokenException last) {
			return new PartnerTokenException(last.getPartner(), last.getStatus(), last.getError(),
					last.getMessage() + notice, last, last.getRetryAfter());
		}
		return new PartnerTokenException(this.partner, null,
				new OAuth2Error(PartnerTokenException.TOKEN_ENDPOINT_UNREACHABLE, "Token request failed", null),
				"Token request for partner '" + this.partner + "' failed: " + TokenStatistics.describe(ex) + notice, ex,
				null);
	}

	private record State(PartnerTokenException failure, Instant until, int consecutive) {
	}

}
