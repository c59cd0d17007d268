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

package io.partnerapis;

import java.time.Instant;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * How many token requests a partner's quota month counted against its
 * {@code token.monthly-quota}, for health checks, metrics and the actuator endpoint.
 *
 * @param limit the monthly quota, or {@code null} when the partner has none
 * @param issued how many token requests this month counted, as last read or made: for the
 * whole fleet with the Redis token store, for this instance otherwise
 * @param month the month counted, in the partner's quota zone
 * @param resetsAt when the next month, and a new count, starts
 * @since 0.2.0
 */
public record TokenQuota(@Nullable Integer limit, long issued, YearMonth month, Instant resetsAt) {

	/**
	 * Returns how many tokens are left this month.
	 * @return the tokens left, never negative, or {@code null} without a quota
	 */
	public @Nullable Long remaining() {
		return (this.limit != null) ? Math.max(0, this.limit - this.issued) : null;
	}

	/**
	 * Returns whether the quota is used up, so that no token is requested until
	 * {@link #resetsAt()}.
	 * @return whether no token is left this month
	 */
	public boolean exhausted() {
		return this.limit != null && this.issued >= this.limit;
	}

}
