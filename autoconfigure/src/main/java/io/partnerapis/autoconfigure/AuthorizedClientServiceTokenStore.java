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

package io.partnerapis.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;

import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * {@link PartnerTokenStore} over a Spring Security
 * {@link ReactiveOAuth2AuthorizedClientService}, for the deprecated
 * {@link io.partnerapis.PartnerAuthorizedClientServiceFactory}. Tokens are stored under
 * the principal name {@value #PRINCIPAL_NAME} and the partner's name, without the key's
 * fingerprint; leases, save notifications and monthly counts stay in this instance's
 * memory, and {@link #removeIfCurrent} is not atomic.
 */
final class AuthorizedClientServiceTokenStore implements PartnerTokenStore {

	/**
	 * Principal name the partners' authorized clients are stored under.
	 */
	private static final String PRINCIPAL_NAME = "partner-apis";

	private static final Authentication PRINCIPAL = UsernamePasswordAuthenticationToken.unauthenticated(PRINCIPAL_NAME,
			null);

	private final ReactiveOAuth2AuthorizedClientService service;

	private final ReactiveClientRegistrationRepository registrations;

	private final PartnerTokenStore local = PartnerTokenStore.inMemory(Clock.systemUTC());

	/**
	 * Creates a store over the given service.
	 * @param service the authorized-client service
	 * @param registrations the partners' client registrations, by partner name
	 */
	AuthorizedClientServiceTokenStore(ReactiveOAuth2AuthorizedClientService service,
			ReactiveClientRegistrationRepository registrations) {
		this.service = service;
		this.registrations = registrations;
	}

	@Override
	public Mono<StoredToken> load(TokenKey key) {
		return this.service.<OAuth2AuthorizedClient>loadAuthorizedClient(key.partner(), PRINCIPAL_NAME)
			.map((client) -> new StoredToken(client.getAccessToken(), client.getRefreshToken()));
	}

	@Override
	public Mono<Void> save(TokenKey key, StoredToken token) {
		return this.registrations.findByRegistrationId(key.partner())
			.map((registration) -> new OAuth2AuthorizedClient(registration, PRINCIPAL_NAME, token.accessToken(),
					token.refreshToken()))
			.flatMap((client) -> this.service.saveAuthorizedClient(client, PRINCIPAL))
			.then(this.local.save(key, token));
	}

	/**
	 * Loads, compares and then removes, which the service cannot do atomically: a token
	 * another instance saved between the two steps can be removed. Each instance's
	 * in-memory copy stays authoritative, so this costs at most one extra token fetch.
	 */
	@Override
	public Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue) {
		return this.service.<OAuth2AuthorizedClient>loadAuthorizedClient(key.partner(), PRINCIPAL_NAME)
			.filter((stored) -> stored.getAccessToken().getTokenValue().equals(rejectedTokenValue))
			.flatMap((stored) -> this.service.removeAuthorizedClient(key.partner(), PRINCIPAL_NAME).thenReturn(true))
			.defaultIfEmpty(false);
	}

	@Override
	public Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive) {
		return this.local.tryLease(key, holder, timeToLive);
	}

	@Override
	public Mono<Void> releaseLease(TokenKey key, String holder) {
		return this.local.releaseLease(key, holder);
	}

	@Override
	public Mono<Duration> leaseRemaining(TokenKey key) {
		return this.local.leaseRemaining(key);
	}

	@Override
	public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
		return this.local.reserve(key, month, limit);
	}

	@Override
	public Mono<Long> release(TokenKey key, YearMonth month) {
		return this.local.release(key, month);
	}

	@Override
	public Mono<Long> issued(TokenKey key, YearMonth month) {
		return this.local.issued(key, month);
	}

	@Override
	public Flux<TokenKey> saves() {
		return this.local.saves();
	}

	@Override
	public String toString() {
		return "AuthorizedClientServiceTokenStore[service=" + this.service.getClass().getSimpleName() + "]";
	}

}
