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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerProvider;
import io.partnerapis.RenewalGrant;
import io.partnerapis.RequestFormat;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Assembles one partner's token handling (fetching, caching, renewal, monthly quota and
 * the store) behind the {@link PartnerAuthorization} that the HTTP clients ask, from a
 * {@link #builder builder}. Settings left unset keep the defaults of
 * {@link PartnerApisProperties.Api}.
 *
 * @since 0.2.0
 */
public final class PartnerTokens {

	private final String partner;

	private final ClientRegistration registration;

	private final WebClient tokenWebClient;

	private PartnerProvider provider;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable TokenFetchObservationConvention observationConvention;

	private @Nullable Function<Clock, ClientAssertionSigner> assertionSigner;

	private TokenSettings settings = TokenSettings.defaults();

	private @Nullable PartnerTokenStore store;

	private @Nullable Supplier<TokenKey> key;

	private @Nullable String keyPartner;

	private Duration storeTimeout;

	private Clock clock = Clock.systemUTC();

	private PartnerTokens(String partner, ClientRegistration registration, WebClient tokenWebClient) {
		Assert.hasText(partner, "'partner' must not be empty");
		this.partner = partner;
		this.registration = registration;
		this.tokenWebClient = tokenWebClient;
		this.provider = PartnerProvider.forPartnerName(partner);
		this.storeTimeout = new PartnerApisProperties().getTokenStore().getTimeout();
	}

	/**
	 * Starts assembling the token handling of one partner. For example:
	 * <pre class="code">
	 * PartnerAuthorization authorization = PartnerTokens.builder("acme", registration, tokenWebClient)
	 *     .store(store, key, Duration.ofMillis(500))
	 *     .retries(Duration.ofSeconds(10), 2, Duration.ofMillis(200))
	 *     .build(URI.create("https://api.acme.example"));
	 * </pre>
	 * @param partner the partner's name
	 * @param registration the partner's client registration
	 * @param tokenWebClient the WebClient that sends the partner's token requests
	 * @return a builder
	 */
	public static PartnerTokens builder(String partner, ClientRegistration registration, WebClient tokenWebClient) {
		return new PartnerTokens(partner, registration, tokenWebClient);
	}

	/**
	 * Sets the partner's provider, whose dialect the token endpoint speaks.
	 * @param provider the provider
	 * @return this builder
	 */
	public PartnerTokens provider(PartnerProvider provider) {
		this.provider = provider;
		return this;
	}

	/**
	 * Sets how token requests are observed.
	 * @param registration the observation registry
	 * @param convention the convention to use instead of the default, if any
	 * @return this builder
	 */
	public PartnerTokens observations(ObservationRegistry registration,
			@Nullable TokenFetchObservationConvention convention) {
		this.observationRegistry = registration;
		this.observationConvention = convention;
		return this;
	}

	/**
	 * Authenticates token requests with a client assertion ({@code private_key_jwt},
	 * {@code client_secret_jwt}) dated by the {@link #clock(Clock) clock}.
	 * @param clientId the client id, the assertion's issuer and subject
	 * @param audience the assertion's audience
	 * @param lifetime the time from an assertion's issue to its expiry
	 * @param signer the Nimbus signer that holds the key
	 * @param header the JWS header of every assertion: algorithm and key id
	 * @return this builder
	 */
	public PartnerTokens clientAssertion(String clientId, String audience, Duration lifetime, JWSSigner signer,
			JWSHeader header) {
		this.assertionSigner = (clock) -> new ClientAssertionSigner(this.partner, clientId, audience, lifetime, signer,
				header, clock);
		return this;
	}

	/**
	 * Sets what goes into each token request.
	 * @param format the request body format
	 * @param headers headers added to every token request
	 * @param parameters parameters added to every client-credentials token request
	 * @param clientIdHeader name of the header that identifies the client on token
	 * requests too, if any
	 * @param encodeClientCredentials whether the client id and secret are URL-encoded
	 * @return this builder
	 */
	public PartnerTokens request(RequestFormat format, Map<String, String> headers, Map<String, String> parameters,
			@Nullable String clientIdHeader, boolean encodeClientCredentials) {
		this.settings = this.settings.withRequest(
				new TokenEndpoint.Request(format, headers, parameters, clientIdHeader, encodeClientCredentials));
		return this;
	}

	/**
	 * Sets how a token response is read.
	 * @param path names of the nested JSON objects that hold the token fields, outermost
	 * first; empty when they are at the top level
	 * @param defaultLifetime lifetime of a token whose response carries no
	 * {@code expires_in}
	 * @return this builder
	 */
	public PartnerTokens response(List<String> path, Duration defaultLifetime) {
		this.settings = this.settings.withResponse(new TokenEndpoint.Response(path, defaultLifetime));
		return this;
	}

	/**
	 * Sets how long each token request may take and how often it is tried again.
	 * @param responseTimeout time to wait for each response
	 * @param maxRetries how many times a transient failure is retried
	 * @param backoff delay before the first retry
	 * @return this builder
	 */
	public PartnerTokens retries(Duration responseTimeout, int maxRetries, Duration backoff) {
		this.settings = this.settings.withRetries(new TokenEndpoint.Retries(responseTimeout, maxRetries, backoff));
		return this;
	}

	/**
	 * Sets how and when tokens are renewed.
	 * @param grant the grant that renews a token
	 * @param refreshBeforeExpiry how long before expiry a token is renewed
	 * @param unauthorizedRenewalInterval the least time between two renewals forced by
	 * 401 answers
	 * @param retryOnUnauthorized whether a request answered with 401 is replayed
	 * @return this builder
	 */
	public PartnerTokens renewal(RenewalGrant grant, Duration refreshBeforeExpiry, Duration unauthorizedRenewalInterval,
			boolean retryOnUnauthorized) {
		this.settings = this.settings.withRenewal(new TokenSettings.Renewal(grant, refreshBeforeExpiry,
				unauthorizedRenewalInterval, retryOnUnauthorized));
		return this;
	}

	/**
	 * Sets the partner's monthly token quota.
	 * @param limit the most tokens a month, or {@code null} for no limit
	 * @param zone the time zone in which the quota month starts
	 * @return this builder
	 */
	public PartnerTokens monthlyQuota(@Nullable Integer limit, ZoneId zone) {
		this.settings = this.settings.withQuota(new TokenSettings.Quota(limit, zone));
		return this;
	}

	/**
	 * Sets where the partner's token is kept and shared (by default, in memory).
	 * @param store the token store
	 * @param key the key of the partner's token in the store
	 * @param timeout how long each store operation may take
	 * @return this builder
	 */
	public PartnerTokens store(PartnerTokenStore store, TokenKey key, Duration timeout) {
		store(store, () -> key, timeout);
		this.keyPartner = key.partner();
		return this;
	}

	/**
	 * Sets where the partner's token is kept and shared, its key made at the first
	 * look-up rather than at start-up (a first digest initializes the JDK's security
	 * providers).
	 * @param store the token store
	 * @param key supplies the key of the partner's token in the store, asked once
	 * @param timeout how long each store operation may take
	 * @return this builder
	 * @since 0.3.0
	 */
	public PartnerTokens store(PartnerTokenStore store, Supplier<TokenKey> key, Duration timeout) {
		this.store = store;
		this.key = key;
		this.keyPartner = null;
		this.storeTimeout = timeout;
		return this;
	}

	/**
	 * Sets the clock to read the time from.
	 * @param clock the clock
	 * @return this builder
	 */
	public PartnerTokens clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Builds the partner's token handling, which listens to its store from the first
	 * token demand until the returned authorization is
	 * {@link PartnerAuthorization#close() closed}.
	 * @param baseUrl the partner's base URL, whose origin alone receives its tokens
	 * @return the authorization that the partner's HTTP clients ask for tokens
	 */
	public PartnerAuthorization build(URI baseUrl) {
		TokenSettings settings = this.settings;
		TokenEndpoint endpoint = new TokenEndpoint(this.partner, this.provider, settings.request(), settings.response(),
				settings.retries());
		PartnerTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> client = new PartnerTokenResponseClient<>(
				this.tokenWebClient, endpoint, this.registration, this.observationRegistry, this.observationConvention,
				(this.assertionSigner != null) ? this.assertionSigner.apply(this.clock) : null);
		TokenFetcher fetcher = new TokenFetcher(this.registration, settings.renewal().grant(), client, client);
		TokenWait wait = TokenWait.of(settings.retries(), fetcher.requestsPerFetch(), this.storeTimeout);
		RenewalPolicy policy = settings.renewal().policy();
		PartnerTokenStore store = (this.store != null) ? this.store : PartnerTokenStore.inMemory(this.clock);
		String partner = this.partner;
		Supplier<TokenKey> key = new LazyTokenKey(
				(this.key != null) ? this.key : () -> TokenKey.builder(partner).build());
		String keyPartner = (this.keyPartner != null) ? this.keyPartner : partner;
		MonthlyTokenQuota quota = new MonthlyTokenQuota(settings.quota().limit(), store, keyPartner, key,
				this.storeTimeout, this.clock, settings.quota().zone());
		PartnerTokenCache tokens = new PartnerTokenCache(fetcher,
				new TokenStoreCoordinator(store, keyPartner, key, this.storeTimeout, wait.lease()), policy, quota,
				this.clock);
		return new PartnerAuthorization(PartnerOrigin.of(this.partner, baseUrl), tokens, policy, this.clock,
				settings.renewal().retryOnUnauthorized(), wait.longest());
	}

}
