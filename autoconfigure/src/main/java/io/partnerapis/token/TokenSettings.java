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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerApisProperties;
import io.partnerapis.RenewalGrant;
import org.jspecify.annotations.Nullable;

/**
 * How one partner's tokens are requested, read, retried, renewed and counted, as
 * {@link PartnerTokens} collects it, one group per builder method.
 *
 * @param request what goes into each token request
 * @param response how a token response is read
 * @param retries how long each token request may take and how often it is tried again
 * @param renewal how and when tokens are renewed
 * @param quota the monthly token quota
 */
record TokenSettings(TokenEndpoint.Request request, TokenEndpoint.Response response, TokenEndpoint.Retries retries,
		Renewal renewal, Quota quota) {

	/**
	 * Returns the settings of a partner configured with the defaults of
	 * {@link PartnerApisProperties.Api}.
	 * @return the default settings
	 */
	static TokenSettings defaults() {
		PartnerApisProperties.Api api = new PartnerApisProperties.Api();
		PartnerApisProperties.Token token = api.getToken();
		return new TokenSettings(
				new TokenEndpoint.Request(token.getRequestFormat(), Map.of(), Map.of(), null,
						token.isEncodeClientCredentials()),
				new TokenEndpoint.Response(List.of(), api.getDefaultTokenLifetime()),
				new TokenEndpoint.Retries(token.getResponseTimeout(), token.getMaxRetries(), token.getRetryBackoff()),
				new Renewal(token.getRenewalGrant(), api.getRefreshBeforeExpiry(), api.getUnauthorizedRenewalInterval(),
						api.isRetryOnUnauthorized()),
				new Quota(null, token.getQuotaZone()));
	}

	TokenSettings withRequest(TokenEndpoint.Request request) {
		return new TokenSettings(request, this.response, this.retries, this.renewal, this.quota);
	}

	TokenSettings withResponse(TokenEndpoint.Response response) {
		return new TokenSettings(this.request, response, this.retries, this.renewal, this.quota);
	}

	TokenSettings withRetries(TokenEndpoint.Retries retries) {
		return new TokenSettings(this.request, this.response, retries, this.renewal, this.quota);
	}

	TokenSettings withRenewal(Renewal renewal) {
		return new TokenSettings(this.request, this.response, this.retries, renewal, this.quota);
	}

	TokenSettings withQuota(Quota quota) {
		return new TokenSettings(this.request, this.response, this.retries, this.renewal, quota);
	}

	/**
	 * How and when tokens are renewed.
	 *
	 * @param grant the grant that renews a token
	 * @param refreshBeforeExpiry how long before expiry a token is renewed
	 * @param unauthorizedRenewalInterval the least time between two renewals forced by
	 * 401 answers
	 * @param retryOnUnauthorized whether a request answered with 401 is replayed
	 */
	record Renewal(RenewalGrant grant, Duration refreshBeforeExpiry, Duration unauthorizedRenewalInterval,
			boolean retryOnUnauthorized) {

		RenewalPolicy policy() {
			return new RenewalPolicy(this.refreshBeforeExpiry, this.unauthorizedRenewalInterval);
		}

	}

	/**
	 * The monthly token quota.
	 *
	 * @param limit the most tokens a month, or {@code null} for no limit
	 * @param zone the time zone in which the quota month starts
	 */
	record Quota(@Nullable Integer limit, ZoneId zone) {

	}

}
