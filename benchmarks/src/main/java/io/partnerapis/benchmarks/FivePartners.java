package io.partnerapis.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The five partners of the specification, configured the two ways the start-up probe
 * compares: partner-apis properties, and the equivalent hand-wired stock Spring Security
 * beans. Nothing is contacted while a context starts.
 */
final class FivePartners {

	private static final String BEMOBI_TOKEN_URI = "https://auth.bemobi.example/oauth/token";

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

	/**
	 * The same five partners wired by hand with stock Spring Security: one client
	 * registration each, one shared authorized-client manager, one WebClient each.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Stock {

		@Bean
		StockWiring stockWiring() {
			return new StockWiring(
					List.of(StockWiring.registration("budsense", "https://api.budsense.com/oauth/token"),
							StockWiring.registration("bud", "https://api-sandbox.thisisbud.com/v1/oauth/token"),
							StockWiring.registration("bemobi", BEMOBI_TOKEN_URI),
							StockWiring.registration("smartsense", "https://api.smartsense.co/auth/oauth"),
							StockWiring.registration("buoy", "https://auth.buoyhealth.com/oauth/token")),
					StockWiring.Variant.RECOMMENDED);
		}

		@Bean
		WebClient budsenseWebClient(StockWiring wiring, WebClient.Builder builder) {
			return wiring.webClient(builder, "budsense", "https://api.budsense.com");
		}

		@Bean
		WebClient budWebClient(StockWiring wiring, WebClient.Builder builder) {
			return wiring.webClient(builder, "bud", "https://api-sandbox.thisisbud.com");
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
