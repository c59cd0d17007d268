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

package io.partnerapis.actuate;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApis;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@link Endpoint @Endpoint} that shows each configured partner: where its tokens come
 * from and where its requests go, the state of its token, and how its token requests and
 * 401 answers went. Read-only, and it never triggers a token request.
 *
 * <p>
 * It never shows a client id, a secret or a token. URIs are shown without user info,
 * query or fragment, as those may carry credentials.
 *
 * @since 0.1.0
 */
@Endpoint(id = "partnerapis")
public class PartnerApisEndpoint {

	private final PartnerApis apis;

	/**
	 * Creates an endpoint for the given partners.
	 * @param apis the partners
	 */
	public PartnerApisEndpoint(PartnerApis apis) {
		this.apis = apis;
	}

	/**
	 * Describes every configured partner.
	 * @return the partners by name, in configuration order
	 */
	@ReadOperation
	public PartnersDescriptor partners() {
		Map<String, PartnerDescriptor> partners = new LinkedHashMap<>();
		this.apis.getAll().forEach((api) -> partners.put(api.getName(), describe(api)));
		return new PartnersDescriptor(partners);
	}

	/**
	 * Describes one partner.
	 * @param name the partner's name
	 * @return the partner, or {@code null} (a 404 over HTTP) when none has that name
	 */
	@ReadOperation
	public @Nullable PartnerDescriptor partner(@Selector String name) {
		return this.apis.getNames().contains(name) ? describe(this.apis.get(name)) : null;
	}

	private static PartnerDescriptor describe(PartnerApi api) {
		TokenState state = api.getTokenState();
		Map<String, Long> unauthorized = new LinkedHashMap<>();
		for (UnauthorizedRetryOutcome outcome : UnauthorizedRetryOutcome.values()) {
			unauthorized.put(outcome.tagValue(), api.getUnauthorizedCount(outcome));
		}
		return new PartnerDescriptor(api.getProvider().id(), withoutCredentials(api.getTokenUri()),
				withoutCredentials(api.getBaseUrl()), api.getClientAuthenticationMethod(),
				new TokenDescriptor(state.status().name(), state.expiresAt(), state.renewAt(), state.fetches(),
						state.failures(), state.lastFailure(), state.lastFailureAt()),
				unauthorized, quota(api.getTokenQuota()));
	}

	private static QuotaDescriptor quota(TokenQuota quota) {
		return new QuotaDescriptor(quota.limit(), quota.issued(), quota.remaining(), quota.month().toString(),
				quota.resetsAt());
	}

	private static String withoutCredentials(String uri) {
		try {
			URI parsed = URI.create(uri);
			return new URI(parsed.getScheme(), null, parsed.getHost(), parsed.getPort(), parsed.getPath(), null, null)
				.toString();
		}
		catch (Exception ex) {
			return "(not a valid URI)";
		}
	}

	/**
	 * Every configured partner.
	 *
	 * @param partners the partners by name, in configuration order
	 */
	public record PartnersDescriptor(Map<String, PartnerDescriptor> partners) implements OperationResponseBody {

	}

	/**
	 * One partner.
	 *
	 * @param provider the provider preset's id
	 * @param tokenUri the token endpoint, without user info, query or fragment
	 * @param baseUrl the base URL of the partner's API, without user info, query or
	 * fragment
	 * @param clientAuthenticationMethod how the client authenticates to the token
	 * endpoint
	 * @param token the state of the partner's token
	 * @param unauthorized how many requests the partner answered with 401 Unauthorized
	 * ended {@code recovered}, {@code failed} or {@code skipped}
	 * @param quota the monthly token quota and this month's count
	 */
	public record PartnerDescriptor(String provider, String tokenUri, String baseUrl, String clientAuthenticationMethod,
			TokenDescriptor token, Map<String, Long> unauthorized,
			QuotaDescriptor quota) implements OperationResponseBody {

	}

	/**
	 * A partner's monthly token quota and this month's count: for the whole fleet with
	 * the Redis token store, for this instance otherwise.
	 *
	 * @param limit the monthly quota, or {@code null} when there is none
	 * @param issued tokens issued this month
	 * @param remaining tokens left this month, or {@code null} without a quota
	 * @param month the month counted, {@code yyyy-MM}, in the partner's quota zone
	 * @param resetsAt when the next month's count starts
	 * @since 0.2.0
	 */
	public record QuotaDescriptor(@Nullable Integer limit, long issued, @Nullable Long remaining, String month,
			Instant resetsAt) {

	}

	/**
	 * State of a partner's token, without its value.
	 *
	 * @param status {@code NONE}, {@code VALID} or {@code EXPIRED}
	 * @param expiresAt when the cached token expires, or {@code null} when none is cached
	 * @param renewAt when the cached token is due for renewal, or {@code null}
	 * @param fetches how many token requests succeeded
	 * @param failures how many token requests failed
	 * @param lastFailure class and message of the most recent failure, or {@code null}
	 * @param lastFailureAt when the most recent failure happened, or {@code null}
	 */
	public record TokenDescriptor(String status, @Nullable Instant expiresAt, @Nullable Instant renewAt, long fetches,
			long failures, @Nullable String lastFailure, @Nullable Instant lastFailureAt) {

	}

}
