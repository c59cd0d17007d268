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

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.restclient.PartnerAuthorizationInterceptor;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import io.partnerapis.token.PartnerAuthorization;
import io.partnerapis.token.PartnerTokens;
import io.partnerapis.webclient.PartnerAuthorizationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Turns validated {@link PartnerApisProperties} into {@link PartnerApis}: for each
 * partner, through a {@link PartnerApiPropertiesMapper}, a Spring Security
 * {@link ClientRegistration}, its token handling over the {@link PartnerTokenStore} (a
 * {@link PartnerAuthorization}), a WebClient from {@link PartnerWebClients} with the
 * partner's authorization filter innermost, and a RestClient, built on first use by
 * {@link PartnerRestClients}, that decides through the same authorization and so shares
 * the WebClient's token. A partner with an SSL bundle of its own, or whose client
 * authenticates with a signed assertion, gets them from
 * {@link ClientAuthenticationLoader}.
 */
final class PartnerApiFactory {

	private final PartnerTokenStore store;

	private final PartnerWebClients webClients;

	private final PartnerRestClients restClients;

	private final ClientAuthenticationLoader clientAuthentication;

	private final @Nullable TokenFetchObservationConvention observationConvention;

	private final Clock clock;

	PartnerApiFactory(PartnerTokenStore store, PartnerWebClients webClients, PartnerRestClients restClients,
			ClientAuthenticationLoader clientAuthentication,
			@Nullable TokenFetchObservationConvention observationConvention, Clock clock) {
		this.store = store;
		this.webClients = webClients;
		this.restClients = restClients;
		this.clientAuthentication = clientAuthentication;
		this.observationConvention = observationConvention;
		this.clock = clock;
	}

	/**
	 * Creates the partners' APIs.
	 * @param properties the validated properties
	 * @return the APIs
	 * @throws PartnerApiConfigurationException naming every partner whose key or SSL
	 * bundle cannot be used
	 */
	PartnerApis create(PartnerApisProperties properties) {
		List<PartnerApi> apis = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		properties.getApis().forEach((name, api) -> {
			try {
				apis.add(partnerApi(name, api, new PartnerApiPropertiesMapper(name, api), properties.getTokenStore()));
			}
			catch (PartnerApiConfigurationException ex) {
				problems.addAll(ex.getProblems());
			}
		});
		if (!problems.isEmpty()) {
			throw new PartnerApiConfigurationException(problems);
		}
		return new PartnerApis(apis);
	}

	private PartnerApi partnerApi(String name, Api api, PartnerApiPropertiesMapper mapper,
			PartnerApisProperties.TokenStore tokenStore) {
		ClientRegistration registration = mapper.registration();
		PartnerSsl ssl = this.clientAuthentication.ssl(name, api);
		WebClient tokenWebClient = this.webClients.tokenWebClient(api.getToken().getConnectTimeout(),
				api.getToken().getResponseTimeout(), ssl);
		TokenKey.Builder key = mapper
			.tokenKeyBuilder(ClientAuthenticationLoader.identity(api, (ssl != null) ? ssl.bundle() : null));
		String baseUrl = PartnerApisPropertiesValidator.required(api.getBaseUrl(),
				ProviderPresetsEnvironmentPostProcessor.APIS + "." + name + ".base-url");
		PartnerTokens tokens = mapper.tokens(PartnerTokens.builder(name, registration, tokenWebClient))
			.observations(this.webClients.observationRegistry(), this.observationConvention)
			.store(this.store, key::build, tokenStore.getTimeout())
			.clock(this.clock);
		PartnerAuthorization authorization = this.clientAuthentication.clientAssertion(name, api, tokens)
			.build(URI.create(baseUrl));
		Map<String, String> headers = mapper.apiHeaders();
		PartnerAuthorizationFilter filter = new PartnerAuthorizationFilter(authorization);
		PartnerAuthorizationInterceptor interceptor = new PartnerAuthorizationInterceptor(authorization);
		return new ConfiguredPartnerApi(name, mapper.provider(), registration, baseUrl, headers,
				this.webClients.webClient(name, baseUrl, headers, filter, ssl), this.restClients, authorization, filter,
				interceptor, ssl);
	}

}
