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

package io.partnerapis.benchmarks;

import java.time.Duration;
import java.util.List;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Stock Spring Security 7.1 wiring of client-credentials WebClients (and, for the servlet
 * side, RestClients), as its reference documentation shows for use outside a web request:
 * an {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager} over an
 * {@link InMemoryReactiveOAuth2AuthorizedClientService}, shared by every registration,
 * and a {@link ServerOAuth2AuthorizedClientExchangeFilterFunction} per WebClient with its
 * default registration id.
 */
final class StockWiring {

	private final ReactiveOAuth2AuthorizedClientService authorizedClients;

	private final AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager;

	private final Variant variant;

	/**
	 * Wires the given registrations.
	 * @param registrations the client registrations
	 * @param variant how the filter and the token provider are configured
	 */
	StockWiring(List<ClientRegistration> registrations, Variant variant) {
		this(new InMemoryReactiveClientRegistrationRepository(registrations), variant);
	}

	StockWiring(ReactiveClientRegistrationRepository repository, Variant variant) {
		this(repository, new InMemoryReactiveOAuth2AuthorizedClientService(repository), variant);
	}

	StockWiring(ReactiveClientRegistrationRepository repository,
			ReactiveOAuth2AuthorizedClientService authorizedClients, Variant variant) {
		this.authorizedClients = authorizedClients;
		this.manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(repository,
				this.authorizedClients);
		if (variant.clockSkew != null) {
			ClientCredentialsReactiveOAuth2AuthorizedClientProvider provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
			provider.setClockSkew(variant.clockSkew);
			this.manager.setAuthorizedClientProvider(provider);
		}
		this.variant = variant;
	}

	/**
	 * Returns a client-credentials registration as a user declares it.
	 * @param id the registration id
	 * @param tokenUri the token endpoint
	 * @return the registration
	 */
	static ClientRegistration registration(String id, String tokenUri) {
		return ClientRegistration.withRegistrationId(id)
			.clientId(LoopbackPartner.CLIENT_ID)
			.clientSecret(LoopbackPartner.CLIENT_SECRET)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(tokenUri)
			.build();
	}

	/**
	 * Builds the WebClient of one registration.
	 * @param builder the application's WebClient builder
	 * @param registrationId the registration whose token it sends
	 * @param baseUrl the API's base URL
	 * @return the WebClient
	 */
	WebClient webClient(WebClient.Builder builder, String registrationId, String baseUrl) {
		ServerOAuth2AuthorizedClientExchangeFilterFunction oauth2 = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				this.manager);
		oauth2.setDefaultClientRegistrationId(registrationId);
		if (this.variant.failureHandler) {
			oauth2.setAuthorizationFailureHandler(
					new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler((id, principal,
							attributes) -> this.authorizedClients.removeAuthorizedClient(id, principal.getName())));
		}
		return builder.baseUrl(baseUrl).filter(oauth2).build();
	}

	/**
	 * Builds a RestClient with stock Spring Security 7.1 wiring for servlet applications:
	 * an {@link OAuth2ClientHttpRequestInterceptor} over an
	 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} and an
	 * {@link InMemoryOAuth2AuthorizedClientService}, whose registration id is the given
	 * one for every request, with the failure handler the interceptor offers for a
	 * service, which drops a token the API rejects.
	 * @param builder the application's RestClient builder
	 * @param registration the client registration
	 * @param baseUrl the API's base URL
	 * @return the RestClient
	 */
	static RestClient restClient(RestClient.Builder builder, ClientRegistration registration, String baseUrl) {
		InMemoryClientRegistrationRepository repository = new InMemoryClientRegistrationRepository(registration);
		InMemoryOAuth2AuthorizedClientService service = new InMemoryOAuth2AuthorizedClientService(repository);
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(
				new AuthorizedClientServiceOAuth2AuthorizedClientManager(repository, service));
		interceptor.setClientRegistrationIdResolver((request) -> registration.getRegistrationId());
		interceptor
			.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(service));
		return builder.baseUrl(baseUrl).requestInterceptor(interceptor).build();
	}

	/**
	 * How the stock filter and token provider are configured.
	 */
	enum Variant {

		/**
		 * As the filter's javadoc recommends: a
		 * {@link RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler}, so a
		 * token the API rejects is dropped; the provider's default 60 s clock skew.
		 */
		RECOMMENDED("stock Spring Security", true, null),

		/**
		 * The bare minimum the reference documentation shows: no failure handler.
		 */
		NO_FAILURE_HANDLER("stock, no failure handler", false, null),

		/**
		 * The recommended wiring with a 1 s clock skew, for tokens that live only a few
		 * seconds.
		 */
		SHORT_CLOCK_SKEW("stock, clock skew 1 s", true, Duration.ofSeconds(1));

		private final String label;

		private final boolean failureHandler;

		private final Duration clockSkew;

		Variant(String label, boolean failureHandler, Duration clockSkew) {
			this.label = label;
			this.failureHandler = failureHandler;
			this.clockSkew = clockSkew;
		}

		/**
		 * Returns the name this variant has in result tables.
		 * @return the label
		 */
		String label() {
			return this.label;
		}

	}

}
