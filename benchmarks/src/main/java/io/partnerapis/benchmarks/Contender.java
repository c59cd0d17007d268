package io.partnerapis.benchmarks;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One way of calling the partner: a WebClient and the application context that holds its
 * connector. Each contender is built fresh, with an empty token cache, and its context is
 * closed with it.
 */
final class Contender implements AutoCloseable {

	/**
	 * Name of the partner the partner-apis contender configures.
	 */
	static final String PARTNER = "bench";

	private final String name;

	private final ConfigurableApplicationContext context;

	private final WebClient webClient;

	private Contender(String name, ConfigurableApplicationContext context, WebClient webClient) {
		this.name = name;
		this.context = context;
		this.webClient = webClient;
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
	 * @return the WebClient
	 */
	WebClient webClient() {
		return this.webClient;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
