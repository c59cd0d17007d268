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
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Remembers the renewals that 401 answers forced for one partner, and whether the last
 * one cured its 401, for the spacing {@link RenewalPolicy#forcedRenewalInterval} states.
 */
final class ForcedRenewals {

	private final RenewalPolicy policy;

	private final Clock clock;

	private final AtomicReference<@Nullable Instant> lastForced = new AtomicReference<>();

	private final AtomicInteger unaccepted = new AtomicInteger();

	private final AtomicReference<@Nullable Rejection> uncured = new AtomicReference<>();

	ForcedRenewals(RenewalPolicy policy, Clock clock) {
		this.policy = policy;
		this.clock = clock;
	}

	boolean mayForce() {
		return this.policy.mayForceRenewal(this.clock.instant(), this.lastForced.get(), this.unaccepted.get());
	}

	void forced(HttpRequest request, OAuth2AccessToken rejected) {
		this.lastForced.set(this.clock.instant());
		this.unaccepted.incrementAndGet();
		this.uncured
			.set(new Rejection(request.getMethod().name(), request.getURI().getRawPath(), rejected.getTokenValue()));
	}

	/**
	 * Records a request the partner accepted. It proves the last forced renewal cured its
	 * 401 only if it is the rejected request itself, replayed or sent again with the same
	 * method and path, carrying another token than the rejected one; answers to other
	 * requests prove nothing.
	 * @param request the accepted request
	 * @param token the token it carried
	 */
	void accepted(HttpRequest request, OAuth2AccessToken token) {
		Rejection rejection = this.uncured.get();
		if (rejection != null && rejection.isCuredBy(request, token)) {
			this.uncured.set(null);
			this.unaccepted.set(0);
		}
	}

	/**
	 * The request whose 401 forced the last renewal, until a renewal is proved to cure
	 * it.
	 */
	private record Rejection(String method, @Nullable String path, String tokenValue) {

		boolean isCuredBy(HttpRequest request, OAuth2AccessToken token) {
			return this.method.equals(request.getMethod().name())
					&& Objects.equals(this.path, request.getURI().getRawPath())
					&& !this.tokenValue.equals(token.getTokenValue());
		}

		@Override
		public String toString() {
			return "Rejection[" + this.method + " " + this.path + "]";
		}

	}

}
