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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The five partners of the specification, configured the two ways the start-up probe
 * compares: partner-apis properties, and the equivalent hand-wired stock Spring Security
 * beans. Nothing is contacted while a context starts.
 */
final class FivePartners {

	private static final String BEMOBI_TOKEN_URI = "https://auth.bemobi.example/oauth/token";

	/**
	 * The token URIs of the five partners, as their presets and the user's Bemobi setting
	 * give them.
	 */
	private static final Map<String, String> TOKEN_URIS = tokenUris();

	private FivePartners() {
	}

	/**
	 * Returns the partner-apis properties of the five partners: what each provider preset
	 * still needs from a user.
	 * @return the properties
	 */
	static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : List.of("budsense", "bud", "bemobi", "smartsense", "buoy")) {
			properties.put("partner.apis." + name + ".client-id", LoopbackPartner.CLIENT_ID);
			properties.put("partner.apis." + name + ".client-secret", LoopbackPartner.CLIENT_SECRET);
		}
		properties.put("partner.apis.bud.environment", "sandbox");
		properties.put("partner.apis.bemobi.token-uri", BEMOBI_TOKEN_URI);
		return properties;
	}

	private static Map<String, String> tokenUris() {
		Map<String, String> tokenUris = new LinkedHashMap<>();
		tokenUris.put("budsense", "https://api.budsense.com/oauth/token");
		tokenUris.put("bud", "https://api-sandbox.thisisbud.com/v1/oauth/token");
		tokenUris.put("bemobi", BEMOBI_TOKEN_URI);
		tokenUris.put("smartsense", "https://api.smartsense.co/auth/oauth");
		tokenUris.put("buoy", "https://auth.buoyhealth.com/oauth/token");
		return tokenUris;
	}

	/**
	 * Returns the {@code spring.security.oauth2.client.*} properties of the five
	 * partners: the same registrations as {@link Stock} wires in code.
	 * @return the properties
	 */
	static Map<String, Object> stockProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		TOKEN_URIS.forEach((name, tokenUri) -> properties.putAll(BootContexts.stockProperties(name, tokenUri)));
		return properties;
	}

	/**
	 * The same five partners wired by hand with stock Spring Security: one client
	 * registration each, one shared authorized-client manager, one WebClient each.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(StockWebClients.class)
	static class Stock {

		@Bean
		StockWiring stockWiring() {
			List<ClientRegistration> registrations = new ArrayList<>();
			TOKEN_URIS.forEach((name, tokenUri) -> registrations.add(StockWiring.registration(name, tokenUri)));
			return new StockWiring(registrations, StockWiring.Variant.RECOMMENDED);
		}

	}

	/**
	 * The same five partners with stock Spring Security configured through Spring Boot's
	 * OAuth2 client properties: the registration repository and authorized-client service
	 * are Boot's beans, the manager and the WebClients are wired by hand.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(StockWebClients.class)
	static class StockFromProperties {

		@Bean
		StockWiring stockWiring(ReactiveClientRegistrationRepository registrations,
				ReactiveOAuth2AuthorizedClientService authorizedClients) {
			return new StockWiring(registrations, authorizedClients, StockWiring.Variant.RECOMMENDED);
		}

	}

	/**
	 * One filtered WebClient bean per partner, made by a {@link StockWiring}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class StockWebClients {

		@Bean
		WebClient budsenseWebClient(StockWiring wiring, WebClient.Builder builder) {
			return wiring.webClient(builder, "budsense", "https://api.budsense.com");
		}

		/**
		 * Bud's WebClient, which sends the client id in {@code X-Client-Id} on every API
		 * request, as Bud's document asks and as the starter's Bud preset does.
		 * @param wiring the stock wiring
		 * @param builder the WebClient builder of Spring Boot
		 * @return the WebClient
		 */
		@Bean
		WebClient budWebClient(StockWiring wiring, WebClient.Builder builder) {
			return wiring.webClient(builder.defaultHeader("X-Client-Id", LoopbackPartner.CLIENT_ID), "bud",
					"https://api-sandbox.thisisbud.com");
		}

		@Bean
		WebClient bemobiWebClient(StockWiring wiring, WebClient.Builder builder) {
			return wiring.webClient(builder, "bemobi", "https://api.wave.bemobi.com");
		}

		@Bean
		WebClient smartsenseWebClient(StockWiring wiring, WebClient.Builder builder) {
			return wiring.webClient(builder, "smartsense", "https://api.smartsense.co");
		}

		@Bean
		WebClient buoyWebClient(StockWiring wiring, WebClient.Builder builder) {
			return wiring.webClient(builder, "buoy", "https://api.buoyhealth.com");
		}

	}

}
