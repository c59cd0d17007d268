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

package io.partnerapis.sample.demo.fleet;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.partnerapis.autoconfigure.PartnerApisAutoConfiguration;
import io.partnerapis.autoconfigure.PartnerApisRedisAutoConfiguration;
import io.partnerapis.autoconfigure.ProviderPresetsEnvironmentPostProcessor;
import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Three instances of one service, each an application context of its own as separate JVMs
 * would be, calling Bemobi's stand-in: first sharing one embedded Redis server
 * ({@code partner.token-store.type: redis}), then each with its own memory. All instances
 * are hit at the same moment, then one is restarted; the stand-in counts the token
 * requests.
 */
public final class FleetDemo {

	/**
	 * Instances in the fleet.
	 */
	public static final int INSTANCES = 3;

	/**
	 * Calls each instance gets at the same moment.
	 */
	public static final int CALLS_PER_INSTANCE = 20;

	private static final String ROW = "%-24s %9s %6s %6s %15s %16s%n";

	private static final String PATH = "/v1/invoices";

	private FleetDemo() {
	}

	/**
	 * Runs both fleets against a Bemobi stand-in of their own and prints a table.
	 * @param out where the table goes
	 * @param environment the demo's environment, which configures Bemobi
	 * @return how many calls failed
	 */
	public static int run(PrintStream out, ConfigurableEnvironment environment) {
		RedisServer redis = startRedis();
		try (PartnerStandIns standIns = PartnerStandIns.start(environment, List.of("bemobi"))) {
			PartnerStandIn bemobi = standIns.partner("bemobi").slowTokenEndpoint(Duration.ofMillis(300));
			bemobi.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"invoices\":[]}")));
			List<Outcome> outcomes = new ArrayList<>();
			outcomes.add(fleet("redis (shared)", bemobi,
					Map.of("partner.token-store.type", "redis", "spring.data.redis.port", redis.ports().get(0))));
			outcomes.add(fleet("memory (per instance)", bemobi, Map.of("partner.token-store.type", "memory")));
			out.println();
			out.println("Fleet: " + INSTANCES + " instances of one service call Bemobi's stand-in, "
					+ CALLS_PER_INSTANCE + " calls each at the same moment, then one instance restarts:");
			out.println();
			out.printf(ROW, "token store", "instances", "calls", "ok", "token requests", "after restart");
			for (Outcome outcome : outcomes) {
				out.printf(ROW, outcome.store(), INSTANCES, outcome.calls(), outcome.succeeded(),
						outcome.tokenRequests(), outcome.restartTokenRequests());
			}
			out.println("(The Redis store shares one token and its renewals across the fleet; each instance on its "
					+ "own memory spends its own.)");
			return outcomes.stream().mapToInt((outcome) -> (int) (outcome.calls() - outcome.succeeded())).sum();
		}
		finally {
			stop(redis);
		}
	}

	private static Outcome fleet(String store, PartnerStandIn bemobi, Map<String, Object> storeProperties) {
		Map<String, Object> properties = new LinkedHashMap<>(storeProperties);
		properties.put("partner.apis.bemobi.token-uri", bemobi.tokenUri());
		properties.put("partner.apis.bemobi.base-url", bemobi.baseUrl());
		properties.put("partner.apis.bemobi.client-id", bemobi.clientId());
		properties.put("partner.apis.bemobi.client-secret", bemobi.clientSecret());
		properties.put("partner.token-store.key-prefix", "demo-fleet-" + UUID.randomUUID());
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.timeout", "1s");
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		try {
			for (int i = 0; i < INSTANCES; i++) {
				instances.add(start(properties));
			}
			int before = bemobi.tokenRequests().size();
			int calls = INSTANCES * CALLS_PER_INSTANCE;
			long succeeded = Flux.range(0, calls)
				.flatMap((i) -> call(instances.get(i % INSTANCES)), calls)
				.filter(Boolean::booleanValue)
				.count()
				.block(Duration.ofMinutes(1));
			int tokenRequests = bemobi.tokenRequests().size() - before;
			instances.remove(0).close();
			ConfigurableApplicationContext restarted = start(properties);
			instances.add(restarted);
			int beforeRestart = bemobi.tokenRequests().size();
			succeeded += Boolean.TRUE.equals(call(restarted).block(Duration.ofMinutes(1))) ? 1 : 0;
			return new Outcome(store, calls + 1, succeeded, tokenRequests,
					bemobi.tokenRequests().size() - beforeRestart);
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static Mono<Boolean> call(ConfigurableApplicationContext instance) {
		return instance.getBean("bemobiWebClient", WebClient.class)
			.get()
			.uri(PATH)
			.retrieve()
			.toBodilessEntity()
			.thenReturn(true)
			.onErrorReturn(false);
	}

	/**
	 * Starts one instance: the partner-apis starter, Spring Boot's Redis and WebClient
	 * auto-configuration, the provider presets and the given properties.
	 * @param properties the instance's properties
	 * @return the instance's running context
	 */
	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("instance", properties));
		ProviderPresetsEnvironmentPostProcessor.applyTo(context.getEnvironment());
		context.register(Instance.class);
		context.refresh();
		return context;
	}

	/**
	 * Starts Redis on a free port, trying another port when the one found free was taken
	 * before the server bound it.
	 * @return the running server
	 */
	private static RedisServer startRedis() {
		IOException last = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			try {
				int port;
				try (ServerSocket socket = new ServerSocket(0)) {
					port = socket.getLocalPort();
				}
				RedisServer server = RedisServer.newRedisServer()
					.port(port)
					.setting("save \"\"")
					.setting("appendonly no")
					.build();
				server.start();
				return server;
			}
			catch (IOException ex) {
				last = ex;
			}
		}
		throw new UncheckedIOException("Could not start the embedded Redis server", last);
	}

	private static void stop(RedisServer redis) {
		try {
			redis.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What one fleet did.
	 *
	 * @param store the token store it used
	 * @param calls calls made, the restarted instance's included
	 * @param succeeded calls that succeeded
	 * @param tokenRequests token requests the stand-in received for the herd
	 * @param restartTokenRequests token requests the stand-in received for the restarted
	 * instance's call
	 */
	public record Outcome(String store, int calls, long succeeded, int tokenRequests, int restartTokenRequests) {
	}

	/**
	 * The auto-configuration of one instance.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PartnerApisAutoConfiguration.class, PartnerApisRedisAutoConfiguration.class,
			DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
			WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
	static class Instance {

	}

}
