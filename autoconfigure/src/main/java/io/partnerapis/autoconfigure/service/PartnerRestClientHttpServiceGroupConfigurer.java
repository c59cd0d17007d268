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

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.Ordered;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.ClientAttributes;
import org.springframework.security.oauth2.client.web.client.ClientRegistrationIdProcessor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroup;

/**
 * A {@link RestClientHttpServiceGroupConfigurer} that authorizes the RestClient groups
 * that call partners, as {@link PartnerServiceGroups} decides, with the partner's
 * authorization interceptor. It runs after Spring Boot's own group configurers, so that
 * the group's {@code base-url} property can be checked.
 */
class PartnerRestClientHttpServiceGroupConfigurer implements RestClientHttpServiceGroupConfigurer {

	private final PartnerServiceGroups partners;

	private final Supplier<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder;

	PartnerRestClientHttpServiceGroupConfigurer(PartnerServiceGroups partners,
			Supplier<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder) {
		this.partners = partners;
		this.requestFactoryBuilder = requestFactoryBuilder;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void configureGroups(Groups<RestClient.Builder> groups) {
		groups.filter(this.partners::callsPartners).forEachClient(this::configureClient);
		groups.filter(this.partners::namesPartners)
			.forEachProxyFactory((group, factory) -> factory
				.httpRequestValuesProcessor(ClientRegistrationIdProcessor.DEFAULT_INSTANCE));
	}

	private void configureClient(HttpServiceGroup group, RestClient.Builder builder) {
		Partner partner = this.partners.partnerOf(group);
		if (partner != null) {
			String baseUrl = this.partners.baseUrl(group, partner);
			if (baseUrl != null) {
				builder.baseUrl(baseUrl);
			}
			builder.defaultHeaders((headers) -> this.partners.addHeaders(headers, partner));
		}
		builder.requestFactory(requestFactory(group));
		builder.requestInterceptor(interceptor(group, partner));
	}

	private ClientHttpRequestFactory requestFactory(HttpServiceGroup group) {
		HttpClientSettings settings = this.partners.settings(group);
		Partner sslPartner = this.partners.sslPartner(group);
		ClientHttpRequestFactory own = (sslPartner != null)
				? sslPartner.requestFactory(this.requestFactoryBuilder.get(), settings) : null;
		return (own != null) ? own : this.requestFactoryBuilder.get().build(settings);
	}

	/**
	 * Returns the interceptor of the group's partner or, when the group names partners in
	 * {@code @ClientRegistrationId}, one that picks the interceptor of the partner each
	 * request names and falls back to the group's partner.
	 * @param group the HTTP service group being configured
	 * @param partner the partner the group is named after, or {@code null} if none is
	 * @return the interceptor that authorizes the group's requests
	 */
	ClientHttpRequestInterceptor interceptor(HttpServiceGroup group, @Nullable Partner partner) {
		if (partner != null && !this.partners.namesPartners(group)) {
			return partner.interceptor();
		}
		Map<String, ClientHttpRequestInterceptor> byName = new LinkedHashMap<>();
		this.partners.partners().forEach((name, api) -> byName.put(name, api.interceptor()));
		return selecting(byName, (partner != null) ? partner.interceptor() : null);
	}

	/**
	 * Returns an interceptor that sends each request through the interceptor of the
	 * partner it names in its client registration id attribute, or else through the
	 * fallback.
	 * @param byName the interceptor of each partner the group's interfaces name, by
	 * partner name
	 * @param fallback the interceptor for requests that name no partner, or {@code null}
	 * to send them unchanged
	 * @return an interceptor that delegates per request
	 */
	static ClientHttpRequestInterceptor selecting(Map<String, ClientHttpRequestInterceptor> byName,
			@Nullable ClientHttpRequestInterceptor fallback) {
		return (request, body, execution) -> {
			String id = ClientAttributes.resolveClientRegistrationId(request.getAttributes());
			ClientHttpRequestInterceptor interceptor = (id != null) ? byName.getOrDefault(id, fallback) : fallback;
			return (interceptor != null) ? interceptor.intercept(request, body, execution)
					: execution.execute(request, body);
		};
	}

}
