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

package io.partnerapis.autoconfigure.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.partnerapis.autoconfigure.service.PartnerServiceGroups.Partner;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.Ordered;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.web.ClientAttributes;
import org.springframework.security.oauth2.client.web.client.ClientRegistrationIdProcessor;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroup;

/**
 * A {@link WebClientHttpServiceGroupConfigurer} that authorizes the WebClient groups that
 * call partners, as {@link PartnerServiceGroups} decides, with the partner's
 * authorization filter innermost and request details kept out of logs. It runs after
 * Spring Boot's own group configurers, so that the group's {@code base-url} property can
 * be checked.
 */
class PartnerWebClientHttpServiceGroupConfigurer implements WebClientHttpServiceGroupConfigurer {

	private final PartnerServiceGroups partners;

	private final Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder;

	PartnerWebClientHttpServiceGroupConfigurer(PartnerServiceGroups partners,
			Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder) {
		this.partners = partners;
		this.connectorBuilder = connectorBuilder;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void configureGroups(Groups<WebClient.Builder> groups) {
		groups.filter(this.partners::callsPartners).forEachClient(this::configureClient);
		groups.filter(this.partners::namesPartners)
			.forEachProxyFactory((group, factory) -> factory
				.httpRequestValuesProcessor(ClientRegistrationIdProcessor.DEFAULT_INSTANCE));
	}

	/**
	 * Sets the group's partner, HTTP client and filter. The filter is added last, so that
	 * it is innermost, and headers, which carry the token, are kept out of Spring's
	 * request logging, as for partner WebClients.
	 * @param group the HTTP service group being configured
	 * @param builder the builder of the group's WebClient
	 */
	private void configureClient(HttpServiceGroup group, WebClient.Builder builder) {
		Partner partner = this.partners.partnerOf(group);
		if (partner != null) {
			String baseUrl = this.partners.baseUrl(group, partner);
			if (baseUrl != null) {
				builder.baseUrl(baseUrl);
			}
			builder.defaultHeaders((headers) -> this.partners.addHeaders(headers, partner));
		}
		builder.clientConnector(connector(group));
		builder.filter(filter(group, partner))
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false));
	}

	private ClientHttpConnector connector(HttpServiceGroup group) {
		HttpClientSettings settings = this.partners.settings(group);
		Partner sslPartner = this.partners.sslPartner(group);
		ClientHttpConnector own = (sslPartner != null) ? sslPartner.connector(this.connectorBuilder.get(), settings)
				: null;
		return (own != null) ? own : this.connectorBuilder.get().build(settings);
	}

	/**
	 * Returns the filter of the group's partner or, when the group names partners in
	 * {@code @ClientRegistrationId}, one that picks the filter of the partner each
	 * request names and falls back to the group's partner.
	 * @param group the HTTP service group being configured
	 * @param partner the partner the group is named after, or {@code null} if none is
	 * @return the filter that authorizes the group's requests
	 */
	ExchangeFilterFunction filter(HttpServiceGroup group, @Nullable Partner partner) {
		if (partner != null && !this.partners.namesPartners(group)) {
			return partner.filter();
		}
		Map<String, ExchangeFilterFunction> byName = new LinkedHashMap<>();
		this.partners.partners().forEach((name, api) -> byName.put(name, api.filter()));
		return selecting(byName, (partner != null) ? partner.filter() : null);
	}

	/**
	 * Returns a filter that sends each request through the filter of the partner it names
	 * in its client registration id attribute, or else through the fallback.
	 * @param byName the filter of each partner the group's interfaces name, by partner
	 * name
	 * @param fallback the filter for requests that name no partner, or {@code null} to
	 * send them unchanged
	 * @return a filter that delegates per request
	 */
	static ExchangeFilterFunction selecting(Map<String, ExchangeFilterFunction> byName,
			@Nullable ExchangeFilterFunction fallback) {
		return (request, next) -> {
			String id = ClientAttributes.resolveClientRegistrationId(request.attributes());
			ExchangeFilterFunction filter = (id != null) ? byName.getOrDefault(id, fallback) : fallback;
			return (filter != null) ? filter.filter(request, next) : next.exchange(request);
		};
	}

}
