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
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerProvider;
import io.partnerapis.RequestFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How one partner's token endpoint is spoken to beyond what its
 * {@link org.springframework.security.oauth2.client.registration.ClientRegistration}
 * says, in three groups: what goes into a request, where the token fields sit in the
 * response, and how long each request may take and how often it is retried.
 *
 * @param partner the partner's name
 * @param provider the partner's provider preset
 * @param request what goes into each token request
 * @param response how the token response is read
 * @param retries the timeout and retries of each token request
 */
record TokenEndpoint(String partner, PartnerProvider provider, Request request, Response response, Retries retries) {

	/**
	 * Creates new settings.
	 */
	public TokenEndpoint {
		Assert.hasText(partner, "'partner' must not be empty");
	}

	/**
	 * Describes these settings by header and parameter names only, since their values may
	 * be credentials.
	 */
	@Override
	public String toString() {
		return "TokenEndpoint[partner=" + this.partner + ", provider=" + this.provider.id() + ", requestFormat="
				+ this.request.format() + ", headers=" + this.request.headers().keySet() + ", parameters="
				+ this.request.parameters().keySet() + ", responsePath=" + this.response.path() + "]";
	}

	/**
	 * What goes into each token request.
	 *
	 * @param format the request body format
	 * @param headers headers added to every token request
	 * @param parameters parameters added to every client-credentials token request
	 * @param clientIdHeader name of the header that identifies the client on
	 * refresh-token requests instead of its credentials, or {@code null}
	 * @param encodeClientCredentials whether the client id and secret are URL-encoded
	 * before they go into an HTTP Basic header, as RFC 6749 section 2.3.1 says
	 */
	record Request(RequestFormat format, Map<String, String> headers, Map<String, String> parameters,
			@Nullable String clientIdHeader, boolean encodeClientCredentials) {

		/**
		 * Creates new request settings, copying the given maps.
		 */
		public Request {
			headers = Map.copyOf(headers);
			parameters = Map.copyOf(parameters);
		}

		/**
		 * Describes these settings by header and parameter names only.
		 */
		@Override
		public String toString() {
			return "Request[format=" + this.format + ", headers=" + this.headers.keySet() + ", parameters="
					+ this.parameters.keySet() + "]";
		}

	}

	/**
	 * How a token response is read.
	 *
	 * @param path names of the nested JSON objects that hold the token fields, outermost
	 * first; empty when they are at the top level
	 * @param defaultLifetime lifetime of a token whose response carries no
	 * {@code expires_in}
	 */
	record Response(List<String> path, Duration defaultLifetime) {

		/**
		 * Creates new response settings, copying the given path.
		 */
		public Response {
			path = List.copyOf(path);
		}

	}

	/**
	 * How long each token request may take and how often it is tried again.
	 *
	 * @param responseTimeout time to wait for each response
	 * @param maxRetries how many times a transient failure is retried
	 * @param backoff delay before the first retry
	 */
	record Retries(Duration responseTimeout, int maxRetries, Duration backoff) {

		private static final Duration LONGEST = Duration.ofHours(1);

		/**
		 * Returns the longest a token request can take with its retries: every attempt's
		 * response timeout, and the back-offs between attempts at their largest jitter
		 * (half again), at most one hour.
		 * @return the time
		 */
		public Duration longestTime() {
			int attempts = Math.min(this.maxRetries, 30) + 1;
			double backoffs = this.backoff.toMillis() * 1.5 * ((1L << (attempts - 1)) - 1);
			double millis = this.responseTimeout.toMillis() * (double) attempts + backoffs;
			return Duration.ofMillis((long) Math.min(millis, LONGEST.toMillis()));
		}

	}

}
