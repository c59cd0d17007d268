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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.RenewalGrant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * A token endpoint in memory for unit tests of the token core: answers every grant
 * request with {@code token-1}, {@code token-2}, ... in order, counts the requests it
 * received, and can fail or hold its answers until the test releases them, so that single
 * flight and background renewal are observed without threads or sleeping.
 *
 * <p>
 * Tokens are issued when an answer is given, with Spring Security's issue time (the
 * system clock); tests place a {@link MutableClock} relative to a token's
 * {@link OAuth2AccessToken#getIssuedAt() issue time}.
 */
final class StubTokenEndpoint
		implements ReactiveOAuth2AccessTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger issued = new AtomicInteger();

	private final List<AbstractOAuth2AuthorizationGrantRequest> received = new CopyOnWriteArrayList<>();

	private final Queue<Sinks.Empty<Void>> held = new ConcurrentLinkedQueue<>();

	private volatile Duration lifetime = Duration.ofHours(1);

	private volatile boolean holding;

	private volatile @Nullable RuntimeException failure;

	private volatile @Nullable RuntimeException refreshFailure;

	private volatile boolean refreshTokens;

	/**
	 * Returns a fetcher for partner {@code acme} that sends client-credentials grants to
	 * this endpoint.
	 * @return the fetcher
	 */
	TokenFetcher fetcher() {
		return fetcher(RenewalGrant.CLIENT_CREDENTIALS);
	}

	/**
	 * Returns a fetcher for partner {@code acme} that renews tokens with the given grant
	 * at this endpoint.
	 * @param renewalGrant the grant that renews a token
	 * @return the fetcher
	 */
	TokenFetcher fetcher(RenewalGrant renewalGrant) {
		return new TokenFetcher(registration(), renewalGrant, this, this);
	}

	/**
	 * Returns the client registration of partner {@code acme}.
	 * @return the registration
	 */
	static ClientRegistration registration() {
		return ClientRegistration.withRegistrationId("acme")
			.clientId("client-acme")
			.clientSecret("secret-acme")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("http://127.0.0.1:1/oauth/token")
			.build();
	}

	/**
	 * Sets the lifetime ({@code expires_in}) of the tokens issued from now on.
	 * @param lifetime the lifetime
	 * @return this endpoint
	 */
	StubTokenEndpoint lifetime(Duration lifetime) {
		this.lifetime = lifetime;
		return this;
	}

	/**
	 * Issues a refresh token {@code refresh-<n>} with each token {@code token-<n>} from
	 * now on.
	 * @return this endpoint
	 */
	StubTokenEndpoint withRefreshTokens() {
		this.refreshTokens = true;
		return this;
	}

	/**
	 * Holds the answers to requests received from now on until {@link #release()}.
	 */
	void hold() {
		this.holding = true;
	}

	/**
	 * Answers every held request, in the order received, as the endpoint is set up now,
	 * and answers later requests at once.
	 */
	void release() {
		this.holding = false;
		Sinks.Empty<Void> gate;
		while ((gate = this.held.poll()) != null) {
			gate.tryEmitEmpty();
		}
	}

	/**
	 * Answers requests with an HTTP 503 error, as the token client reports it, until
	 * {@link #recover()}.
	 */
	void fail() {
		this.failure = error(503);
	}

	/**
	 * Answers refresh-token grants with the given HTTP status, as the token client
	 * reports it.
	 * @param status the HTTP status
	 */
	void failRefresh(int status) {
		this.refreshFailure = error(status);
	}

	private static PartnerTokenException error(int status) {
		return new PartnerTokenException("acme", status, new OAuth2Error("http_" + status),
				"Token request for partner 'acme' answered HTTP " + status, null);
	}

	/**
	 * Answers every request with tokens again.
	 */
	void recover() {
		this.failure = null;
		this.refreshFailure = null;
	}

	/**
	 * Returns how many requests the endpoint received.
	 * @return the count
	 */
	int requests() {
		return this.requests.get();
	}

	/**
	 * Returns the grant type of each request received, in order.
	 * @return the grant types
	 */
	List<AuthorizationGrantType> grants() {
		return this.received.stream().map(AbstractOAuth2AuthorizationGrantRequest::getGrantType).toList();
	}

	/**
	 * Returns the requests received, in order.
	 * @return the requests
	 */
	List<AbstractOAuth2AuthorizationGrantRequest> received() {
		return List.copyOf(this.received);
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(AbstractOAuth2AuthorizationGrantRequest request) {
		return Mono.defer(() -> {
			this.requests.incrementAndGet();
			this.received.add(request);
			Mono<OAuth2AccessTokenResponse> answer = Mono.defer(() -> answer(request));
			if (!this.holding) {
				return answer;
			}
			Sinks.Empty<Void> gate = Sinks.empty();
			this.held.add(gate);
			return gate.asMono().then(answer);
		});
	}

	private Mono<OAuth2AccessTokenResponse> answer(AbstractOAuth2AuthorizationGrantRequest request) {
		RuntimeException refused = this.refreshFailure;
		RuntimeException ex = (refused != null && AuthorizationGrantType.REFRESH_TOKEN.equals(request.getGrantType()))
				? refused : this.failure;
		if (ex != null) {
			return Mono.error(ex);
		}
		int number = this.issued.incrementAndGet();
		OAuth2AccessTokenResponse.Builder response = OAuth2AccessTokenResponse.withToken("token-" + number)
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(this.lifetime.toSeconds());
		if (this.refreshTokens) {
			response.refreshToken("refresh-" + number);
		}
		return Mono.just(response.build());
	}

}
