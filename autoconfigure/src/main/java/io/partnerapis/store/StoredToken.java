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

package io.partnerapis.store;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * A partner's token as a {@link PartnerTokenStore} keeps it.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token that came with it, or {@code null}
 * @since 0.2.0
 */
public record StoredToken(OAuth2AccessToken accessToken, @Nullable OAuth2RefreshToken refreshToken) {

	/**
	 * Returns whether this holds the given access token.
	 * @param token the access token
	 * @return whether the token values are equal
	 */
	public boolean holds(OAuth2AccessToken token) {
		return this.accessToken.getTokenValue().equals(token.getTokenValue());
	}

	/**
	 * Describes the token by its expiry only.
	 */
	@Override
	public String toString() {
		return "StoredToken[expiresAt=" + this.accessToken.getExpiresAt() + ", refreshToken="
				+ ((this.refreshToken != null) ? "present" : "none") + "]";
	}

}
