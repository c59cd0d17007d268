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

import java.util.Locale;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One configured partner API: its clients, and read-only views of its configuration and
 * token state for health checks, metrics and management endpoints. Never exposes a client
 * secret or a token.
 *
 * @since 0.1.0
 * @see PartnerApis#get(String)
 */
public interface PartnerApi {

	/**
	 * Returns the partner's name.
	 * @return the name configured under {@code partner.apis}
	 */
	String getName();

	/**
	 * Returns the partner's provider preset.
	 * @return the provider
	 */
	PartnerProvider getProvider();

	/**
	 * Returns the URI of the partner's token endpoint.
	 * @return the token URI
	 */
	String getTokenUri();

	/**
	 * Returns the partner's base URL.
	 * @return the base URL
	 */
	String getBaseUrl();

	/**
	 * Returns how the client authenticates to the token endpoint.
	 * @return the client authentication method, such as {@code client_secret_basic}
	 */
	String getClientAuthenticationMethod();

	/**
	 * Returns the WebClient that calls the partner with its bearer token.
	 * @return the WebClient
	 */
	WebClient getWebClient();

	/**
	 * Returns the RestClient that calls the partner with its bearer token, built on first
	 * use. It shares the partner's token, and its counts, with the {@link #getWebClient()
	 * WebClient}.
	 * @return the RestClient
	 * @since 0.2.0
	 */
	RestClient getRestClient();

	/**
	 * Returns the state of the partner's token, without fetching one.
	 * @return the token state
	 */
	TokenState getTokenState();

	/**
	 * Returns the partner's monthly token quota and this month's count, as last counted,
	 * without I/O.
	 * @return the quota state
	 * @since 0.2.0
	 */
	TokenQuota getTokenQuota();

	/**
	 * Returns how many requests the partner answered with 401 Unauthorized ended with the
	 * given outcome, over every client of the partner.
	 * @param outcome the outcome
	 * @return the count since start-up
	 */
	long getUnauthorizedCount(UnauthorizedRetryOutcome outcome);

	/**
	 * What became of a request that a partner answered with 401 Unauthorized.
	 *
	 * @since 0.1.0
	 */
	enum UnauthorizedRetryOutcome {

		/**
		 * Replayed with a fresh token, and the replay was not rejected.
		 */
		RECOVERED,

		/**
		 * Replayed with a fresh token, and the replay was rejected or failed too.
		 */
		FAILED,

		/**
		 * Not replayed: its body could not be sent again, or a renewal forced by 401
		 * happened too recently.
		 */
		SKIPPED;

		/**
		 * Returns the value of the {@code outcome} metric tag.
		 * @return the lower-case outcome
		 */
		public String tagValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
