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

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One way of calling the partner: a WebClient, or on the servlet side a RestClient, and
 * the application context that holds its connector or request factory. Each contender is
 * built fresh, with an empty token cache, and its context is closed with it.
 */
final class Contender implements AutoCloseable {

	/**
	 * Name of the partner the partner-apis contender configures.
	 */
	static final String PARTNER = "bench";

	private final String name;

	private final ConfigurableApplicationContext context;

	private final WebClient webClient;

	private final RestClient restClient;

	private Contender(String name, ConfigurableApplicationContext context, WebClient webClient) {
		this(name, context, webClient, null);
	}

	private Contender(String name, ConfigurableApplicationContext context, WebClient webClient, RestClient restClient) {
		this.name = name;
		this.context = context;
		this.webClient = webClient;
		this.restClient = restClient;
	}

	/**
	 * A plain RestClient from Spring Boot's builder that sends a static bearer token.
	 * @param partner the partner
	 * @return the contender
	 */
	static Contender plainRestClient(LoopbackPartner partner) {
		ConfigurableApplicationContext context = BootContexts.startServlet(false, Map.of());
		RestClient restClient = context.getBean(RestClient.Builder.class)
			.baseUrl(partner.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + LoopbackPartner.STATIC_TOKEN)
			.build();
		return new Contender("plain RestClient, static header", context, null, restClient);
	}

	/**
	 * A plain RestClient from Spring Boot's builder whose static bearer token is set by a
	 * one-line interceptor: what Spring's request interception alone costs, which every
	 * interceptor pays.
	 * @param partner the partner
	 * @return the contender
	 */
	static Contender interceptedRestClient(LoopbackPartner partner) {
		ConfigurableApplicationContext context = BootContexts.startServlet(false, Map.of());
		String authorization = "Bearer " + LoopbackPartner.STATIC_TOKEN;
		RestClient restClient = context.getBean(RestClient.Builder.class)
			.baseUrl(partner.baseUrl())
			.requestInterceptor((request, body, execution) -> {
				request.getHeaders().set(HttpHeaders.AUTHORIZATION, authorization);
				return execution.execute(request, body);
			})
			.build();
		return new Contender("plain RestClient, static header set by an interceptor", context, null, restClient);
	}

	/**
	 * The partner-apis RestClient, as a user gets it: {@code partner.apis.bench.*}
	 * properties and the {@code benchRestClient} bean.
	 * @param partner the partner
	 * @return the contender
	 */
	static Contender partnerApisRestClient(LoopbackPartner partner) {
		ConfigurableApplicationContext context = BootContexts.startServlet(true,
				BootContexts.partnerProperties(PARTNER, partner));
		RestClient restClient = context.getBean(PARTNER + "RestClient", RestClient.class);
		return new Contender("partner-apis RestClient", context, null, restClient);
	}

	/**
	 * A RestClient from Spring Boot's builder with stock Spring Security's
	 * {@code OAuth2ClientHttpRequestInterceptor}.
	 * @param partner the partner
	 * @return the contender
	 */
	static Contender stockRestClient(LoopbackPartner partner) {
		ConfigurableApplicationContext context = BootContexts.startServlet(false, Map.of());
		RestClient restClient = StockWiring.restClient(context.getBean(RestClient.Builder.class),
				StockWiring.registration(PARTNER, partner.tokenUri()), partner.baseUrl());
		return new Contender("stock Spring Security RestClient", context, null, restClient);
	}

	/**
	 * A plain WebClient that sends a static bearer token, which the partner accepts until
	 * it is revoked: the cost floor of any authorized call.
	 * @param partner the partner
	 * @return the contender
	 */
	static Contender plain(LoopbackPartner partner) {
		ConfigurableApplicationContext context = BootContexts.start(false, Map.of());
		WebClient webClient = context.getBean(WebClient.Builder.class)
			.baseUrl(partner.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + LoopbackPartner.STATIC_TOKEN)
			.build();
		return new Contender("plain WebClient, static header", context, webClient);
	}

	/**
	 * The partner-apis WebClient, as a user gets it: {@code partner.apis.bench.*}
	 * properties and the {@code benchWebClient} bean.
	 * @param partner the partner
	 * @return the contender
	 */
	static Contender partnerApis(LoopbackPartner partner) {
		ConfigurableApplicationContext context = BootContexts.start(true,
				BootContexts.partnerProperties(PARTNER, partner));
		WebClient webClient = context.getBean(PARTNER + "WebClient", WebClient.class);
		return new Contender("partner-apis", context, webClient);
	}

	/**
	 * The partner-apis WebClient of an instance of a fleet that shares tokens through the
	 * Redis token store.
	 * @param partner the partner
	 * @param redisPort the port of the Redis server on loopback
	 * @param keyPrefix the store's key prefix, new for each fleet
	 * @return the contender
	 */
	static Contender partnerApisOnRedis(LoopbackPartner partner, int redisPort, String keyPrefix) {
		Map<String, Object> properties = BootContexts.partnerProperties(PARTNER, partner);
		properties.put("partner.token-store.type", "redis");
		properties.put("partner.token-store.key-prefix", keyPrefix);
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", redisPort);
		properties.put("spring.data.redis.timeout", "1s");
		ConfigurableApplicationContext context = BootContexts.startWithRedis(properties);
		WebClient webClient = context.getBean(PARTNER + "WebClient", WebClient.class);
		return new Contender("partner-apis", context, webClient);
	}

	/**
	 * A WebClient with stock Spring Security wiring.
	 * @param partner the partner
	 * @param variant how the stock filter is configured
	 * @return the contender
	 */
	static Contender stock(LoopbackPartner partner, StockWiring.Variant variant) {
		ConfigurableApplicationContext context = BootContexts.start(false, Map.of());
		StockWiring wiring = new StockWiring(List.of(StockWiring.registration(PARTNER, partner.tokenUri())), variant);
		WebClient webClient = wiring.webClient(context.getBean(WebClient.Builder.class), PARTNER, partner.baseUrl());
		return new Contender(variant.label(), context, webClient);
	}

	/**
	 * Returns the contender's name in result tables.
	 * @return the name
	 */
	String name() {
		return this.name;
	}

	/**
	 * Returns the WebClient under test.
	 * @return the WebClient, or {@code null} for a servlet-side contender
	 */
	WebClient webClient() {
		return this.webClient;
	}

	/**
	 * Returns the RestClient under test.
	 * @return the RestClient, or {@code null} for a WebClient contender
	 */
	RestClient restClient() {
		return this.restClient;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
