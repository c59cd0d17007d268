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
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Thrown instead of requesting a token when the partner's {@code token.monthly-quota} is
 * used up for the month: the message names the partner, the quota and when the month
 * resets.
 *
 * @since 0.2.0
 */
public class PartnerTokenQuotaException extends PartnerTokenException {

	/**
	 * Error code for a token that was not requested because the monthly quota is used up.
	 */
	public static final String MONTHLY_QUOTA_EXHAUSTED = "monthly_quota_exhausted";

	private final int quota;

	private final Instant resetsAt;

	/**
	 * Creates a new exception for a quota whose month starts in UTC.
	 * @param partner the partner's name
	 * @param quota the monthly quota
	 * @param month the month whose quota is used up
	 * @param resetsAt when the next month starts
	 */
	public PartnerTokenQuotaException(String partner, int quota, YearMonth month, Instant resetsAt) {
		this(partner, quota, month, resetsAt, ZoneOffset.UTC);
	}

	/**
	 * Creates a new exception.
	 * @param partner the partner's name
	 * @param quota the monthly quota
	 * @param month the month whose quota is used up
	 * @param resetsAt when the next month starts
	 * @param zone the time zone in which the partner's quota month starts
	 */
	public PartnerTokenQuotaException(String partner, int quota, YearMonth month, Instant resetsAt, ZoneId zone) {
		super(partner, null, new OAuth2Error(MONTHLY_QUOTA_EXHAUSTED),
				"Partner '" + partner + "' has issued its monthly quota of " + quota + " tokens for " + month + " ("
						+ zone + "): no token is requested until the quota resets at " + resetsAt
						+ ". Raise 'partner.apis." + partner + ".token.monthly-quota' if the partner allows more.",
				null);
		this.quota = quota;
		this.resetsAt = resetsAt;
	}

	/**
	 * Returns the monthly quota.
	 * @return the quota
	 */
	public int getQuota() {
		return this.quota;
	}

	/**
	 * Returns when the quota resets.
	 * @return the start of the next month in the partner's quota zone
	 */
	public Instant getResetsAt() {
		return this.resetsAt;
	}

}
