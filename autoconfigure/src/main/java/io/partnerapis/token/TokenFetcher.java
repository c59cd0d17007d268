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

import java.util.function.Supplier;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.RenewalGrant;
import io.partnerapis.store.StoredToken;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Obtains a new token for one partner through Spring Security's
 * {@link ReactiveOAuth2AccessTokenResponseClient} abstraction: a client-credentials
 * grant, or, where the partner renews with refresh tokens, a refresh-token grant that
 * falls back to a client-credentials grant in the same fetch whenever it fails, whatever
 * the failure (refused, server error, timeout, unusable answer, after its retries). A
 * refresh token that failed once is never sent again, so renewal cannot get stuck on a
 * dead refresh token.
 */
final class TokenFetcher {

	private final ClientRegistration registration;

	private final RenewalGrant renewalGrant;

	private final ReactiveOAuth2AccessTokenResponseClient<? super OAuth2ClientCredentialsGrantRequest> clientCredentials;

	private final ReactiveOAuth2AccessTokenResponseClient<? super OAuth2RefreshTokenGrantRequest> refreshToken;

	private volatile @Nullable String failedRefreshToken;

	/**
	 * Creates a new fetcher.
	 * @param registration the partner's client registration
	 * @param renewalGrant the grant that renews a token
	 * @param clientCredentials the client for client-credentials grants
	 * @param refreshToken the client for refresh-token grants
	 */
	TokenFetcher(ClientRegistration registration, RenewalGrant renewalGrant,
			ReactiveOAuth2AccessTokenResponseClient<? super OAuth2ClientCredentialsGrantRequest> clientCredentials,
			ReactiveOAuth2AccessTokenResponseClient<? super OAuth2RefreshTokenGrantRequest> refreshToken) {
		this.registration = registration;
		this.renewalGrant = renewalGrant;
		this.clientCredentials = clientCredentials;
		this.refreshToken = refreshToken;
	}

	/**
	 * Returns how many token requests one fetch makes at most: two where a refresh-token
	 * grant falls back to a client-credentials grant, one otherwise.
	 * @return the token requests of one fetch
	 */
	int requestsPerFetch() {
		return (this.renewalGrant == RenewalGrant.REFRESH_TOKEN) ? 2 : 1;
	}

	/**
	 * Obtains a new token, with no limit on token requests.
	 * @param previous the token being replaced, or {@code null}
	 * @return the new token
	 */
	Mono<StoredToken> fetch(@Nullable StoredToken previous) {
		return fetch(previous, TokenRequestBudget.UNLIMITED);
	}

	/**
	 * Obtains a new token, asking the given budget before each token request (a
	 * refresh-token grant and its client-credentials fall-back are two) and telling it of
	 * each one the partner answered with 2xx, usable or not.
	 * @param previous the token being replaced, or {@code null}
	 * @param budget the budget of token requests
	 * @return the new token
	 */
	Mono<StoredToken> fetch(@Nullable StoredToken previous, TokenRequestBudget budget) {
		OAuth2RefreshToken refresh = (previous != null) ? previous.refreshToken() : null;
		if (this.renewalGrant == RenewalGrant.REFRESH_TOKEN && previous != null && refresh != null
				&& !refresh.getTokenValue().equals(this.failedRefreshToken)) {
			OAuth2RefreshTokenGrantRequest request = new OAuth2RefreshTokenGrantRequest(this.registration,
					previous.accessToken(), refresh);
			return counted(budget, () -> this.refreshToken.getTokenResponse(request))
				.map((response) -> storedToken(response, previous))
				.onErrorResume((ex) -> !(ex instanceof PartnerTokenQuotaException), (ex) -> {
					this.failedRefreshToken = refresh.getTokenValue();
					return clientCredentials(budget);
				});
		}
		return clientCredentials(budget);
	}

	private Mono<StoredToken> clientCredentials(TokenRequestBudget budget) {
		return counted(budget,
				() -> this.clientCredentials
					.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(this.registration)))
			.map((response) -> storedToken(response, null));
	}

	/**
	 * Sends a token request, made only once the budget reserved it, and tells the budget
	 * how the partner answered. The budget travels in the Reactor context, so that a
	 * response client that retries reserves each retry through
	 * {@link #beforeRetry(Throwable)}.
	 * @param budget the budget of the fetch that sends the request
	 * @param request sends the token request when subscribed to
	 * @return the partner's token response
	 */
	private static Mono<OAuth2AccessTokenResponse> counted(TokenRequestBudget budget,
			Supplier<Mono<OAuth2AccessTokenResponse>> request) {
		return budget.beforeRequest()
			.then(Mono.defer(request).contextWrite((context) -> context.put(TokenRequestBudget.class, budget)))
			.onErrorResume(TokenFetcher::wasIssued, (ex) -> budget.issued().then(Mono.error(ex)))
			.onErrorResume(TokenFetcher::wasRefused, (ex) -> budget.notIssued().then(Mono.error(ex)))
			.flatMap((response) -> budget.issued().thenReturn(response));
	}

	/**
	 * Reserves a retry of a token request with the budget of the fetch that sends it, for
	 * response clients that retry: a retried request is sent again, and the partner may
	 * have issued a token for the attempt whose answer never arrived. An attempt the
	 * partner answered with a status that issues no token is taken back first, as the
	 * last attempt of a fetch is.
	 * @param failure how the attempt before the retry failed
	 * @return completion, or a {@link PartnerTokenQuotaException} that refuses the retry
	 */
	static Mono<Void> beforeRetry(Throwable failure) {
		return Mono.deferContextual((context) -> context.<TokenRequestBudget>getOrEmpty(TokenRequestBudget.class)
			.map((budget) -> wasRefused(failure) ? budget.notIssued().then(budget.beforeRequest())
					: budget.beforeRequest())
			.orElseGet(Mono::empty));
	}

	/**
	 * Returns whether a failed token request still got a 2xx answer, a token the partner
	 * issued and probably counted against its quota even though it could not be used.
	 * @param ex how the token request failed
	 * @return whether the partner answered with a 2xx status
	 */
	private static boolean wasIssued(Throwable ex) {
		return ex instanceof PartnerTokenException tokenException && tokenException.getStatus() != null
				&& tokenException.getStatus() >= 200 && tokenException.getStatus() < 300;
	}

	/**
	 * Returns whether the partner answered a failed token request with a status that
	 * issues no token.
	 * @param ex how the token request failed
	 * @return whether the partner's answer says no token was issued
	 */
	private static boolean wasRefused(Throwable ex) {
		return ex instanceof PartnerTokenException tokenException && tokenException.getStatus() != null
				&& (tokenException.getStatus() < 200 || tokenException.getStatus() >= 300);
	}

	private static StoredToken storedToken(OAuth2AccessTokenResponse response, @Nullable StoredToken previous) {
		return new StoredToken(response.getAccessToken(), (response.getRefreshToken() != null || previous == null)
				? response.getRefreshToken() : previous.refreshToken());
	}

}
