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

import java.time.Instant;

import io.partnerapis.store.StoredToken;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The token a {@link PartnerTokenCache} hands out, and when it is renewed.
 *
 * @param token the token
 * @param renewAt the instant from which the token is renewed
 */
record CachedToken(StoredToken token, Instant renewAt) {

	/**
	 * Returns a token renewed when the policy's {@link RenewalPolicy#renewAt renewAt}
	 * says.
	 * @param token the token
	 * @param policy the renewal policy
	 * @return the cached token
	 */
	static CachedToken of(StoredToken token, RenewalPolicy policy) {
		return new CachedToken(token, policy.renewAt(token.accessToken()));
	}

	/**
	 * Returns a token whose renewal failed, renewed again when the policy's
	 * {@link RenewalPolicy#retryAfterFailure retryAfterFailure} says.
	 * @param token the token, due for renewal but not expired
	 * @param policy the renewal policy
	 * @param failedAt when the renewal failed
	 * @return the cached token
	 */
	static CachedToken afterFailure(StoredToken token, RenewalPolicy policy, Instant failedAt) {
		return new CachedToken(token, policy.retryAfterFailure(failedAt, token.accessToken().getExpiresAt()));
	}

	OAuth2AccessToken accessToken() {
		return this.token.accessToken();
	}

	boolean isValidAt(Instant now) {
		Instant expiresAt = accessToken().getExpiresAt();
		return expiresAt == null || now.isBefore(expiresAt);
	}

	boolean isDueAt(Instant now) {
		return !now.isBefore(this.renewAt);
	}

}
