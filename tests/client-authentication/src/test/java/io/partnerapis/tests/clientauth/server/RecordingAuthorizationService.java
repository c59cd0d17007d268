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

package io.partnerapis.tests.clientauth.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The authorization server's record of issued tokens, which the resource server consults:
 * a token removed here ({@link #revokeAccessTokens}) is rejected with 401 although its
 * signature and expiry are still good.
 */
public class RecordingAuthorizationService implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();

	private final Map<String, Set<String>> authorizationIdsByClient = new ConcurrentHashMap<>();

	@Override
	public void save(OAuth2Authorization authorization) {
		this.delegate.save(authorization);
		this.authorizationIdsByClient
			.computeIfAbsent(authorization.getRegisteredClientId(), (client) -> ConcurrentHashMap.newKeySet())
			.add(authorization.getId());
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
		Set<String> ids = this.authorizationIdsByClient.get(authorization.getRegisteredClientId());
		if (ids != null) {
			ids.remove(authorization.getId());
		}
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.delegate.findByToken(token, tokenType);
	}

	/**
	 * The access tokens issued to a client and not revoked.
	 * @param clientId the client (its registered id is its client id)
	 * @return the tokens, in no particular order
	 */
	public List<OAuth2Authorization.Token<OAuth2AccessToken>> accessTokens(String clientId) {
		return this.authorizationIdsByClient.getOrDefault(clientId, Set.of())
			.stream()
			.map(this.delegate::findById)
			.filter((
					authorization) -> authorization != null
							&& authorization.getAccessToken() != null).<OAuth2Authorization
									.Token<OAuth2AccessToken>>map(OAuth2Authorization::getAccessToken)
			.toList();
	}

	/**
	 * Forget every token issued to a client, so that the resource server rejects them.
	 * @param clientId the client
	 * @return how many tokens were revoked
	 */
	public int revokeAccessTokens(String clientId) {
		Set<String> ids = this.authorizationIdsByClient.getOrDefault(clientId, Set.of());
		int revoked = 0;
		for (String id : List.copyOf(ids)) {
			OAuth2Authorization authorization = this.delegate.findById(id);
			if (authorization != null) {
				remove(authorization);
				revoked++;
			}
		}
		return revoked;
	}

	OAuth2TokenValidator<Jwt> notRevokedValidator() {
		return (jwt) -> {
			OAuth2Authorization authorization = findByToken(jwt.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
			if (authorization == null || authorization.getAccessToken() == null
					|| !authorization.getAccessToken().isActive()) {
				return OAuth2TokenValidatorResult
					.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked", null));
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

}
