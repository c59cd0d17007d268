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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import redis.embedded.RedisServer;

/**
 * A fleet of three instances of one service against one partner: cold, each hit by
 * {@value #CALLS_PER_INSTANCE} concurrent calls at the same moment, then one instance
 * restarted (part 8, {@link #run}); and the hot path of one instance with the Redis token
 * store beside one with the in-memory store (part 9, {@link #hotPath}). Redis is a real
 * server (embedded-redis) on a free loopback port.
 */
final class FleetScenario {

	static final int INSTANCES = 3;

	static final int CALLS_PER_INSTANCE = 60;

	private static final double HOT_PATH_TARGET = 0.98;

	private FleetScenario() {
	}

	/**
	 * Runs the cold herd and the restart, and adds their section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		withRedis((partner, port) -> {
			partner.tokenDelay(ColdStartScenario.TOKEN_DELAY);
			Map<String, Function<String, Contender>> kinds = new LinkedHashMap<>();
			kinds.put("partner-apis, Redis store", (prefix) -> Contender.partnerApisOnRedis(partner, port, prefix));
			kinds.put("partner-apis, in-memory store", (prefix) -> Contender.partnerApis(partner));
			kinds.put(StockWiring.Variant.RECOMMENDED.label(),
					(prefix) -> Contender.stock(partner, StockWiring.Variant.RECOMMENDED));
			Map<String, List<Measurement>> results = new LinkedHashMap<>();
			for (int run = -1; run < settings.runs(); run++) {
				for (Map.Entry<String, Function<String, Contender>> kind : kinds.entrySet()) {
					Measurement measurement = herdAndRestart(partner, kind.getValue());
					if (run >= 0) {
						results.computeIfAbsent(kind.getKey(), (name) -> new ArrayList<>()).add(measurement);
					}
				}
			}
			int calls = INSTANCES * CALLS_PER_INSTANCE;
			Table table = new Table("Contender", "token requests (cold herd)", "succeeded of " + calls,
					"all answered after ms", "token requests (one instance restarted)");
			results.forEach((name, measurements) -> table.row(name,
					Scenarios.stats(measurements, Measurement::herdTokenRequests).format(0),
					Scenarios.stats(measurements, Measurement::succeeded).format(0),
					Scenarios.stats(measurements, Measurement::answeredMillis).format(0),
					Scenarios.stats(measurements, Measurement::restartTokenRequests).format(0)));
			report.section("8. Fleet: " + INSTANCES + " instances, " + CALLS_PER_INSTANCE + " concurrent calls each",
					INSTANCES + " fresh instances of one service, each hit by " + CALLS_PER_INSTANCE
							+ " calls at the same moment while the token endpoint takes "
							+ ColdStartScenario.TOKEN_DELAY.toMillis()
							+ " ms; then one instance is closed and started again and makes one call. Token "
							+ "requests are counted by the server. " + settings.runs()
							+ " runs after one unrecorded warm-up run; medians (min–max).\n\n" + table
							+ "\nTarget: with the Redis store, 1 token request for the herd and 0 for the restart.");
		});
	}

	/**
	 * Compares the hot path of a warm instance on the Redis store with one on the
	 * in-memory store in an {@link InterleavedRounds interleaved run}, and adds its
	 * section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void hotPath(Report report, Settings settings) {
		withRedis((partner, port) -> {
			try (Contender memory = Contender.partnerApis(partner);
					Contender redis = Contender.partnerApisOnRedis(partner, port, keyPrefix())) {
				Map<Contender, List<Load.Result>> results = InterleavedRounds.run(List.of(memory, redis), partner,
						settings, (contender) -> Load.callNow(contender.webClient()), (contender, duration) -> Load
							.closedLoop(contender.webClient(), settings.concurrency(), duration));
				List<Load.Result> reference = results.get(memory);
				Table table = new Table("Token store", "calls/s", "calls/s ratio to in-memory", "CPU µs per call",
						"CPU ratio (in-memory ÷ Redis)", "failed calls");
				results.forEach((contender, own) -> table.row(
						contender.name() + ((contender == memory) ? ", in-memory store" : ", Redis store"),
						ThroughputScenario.stats(own, Load.Result::perSecond).format(0),
						ThroughputScenario.ratios(own, reference, Load.Result::perSecond, false).format(3),
						ThroughputScenario.stats(own, Load.Result::cpuMicrosPerCall).format(1),
						ThroughputScenario.ratios(own, reference, Load.Result::cpuMicrosPerCall, true).format(3),
						own.stream().mapToLong(Load.Result::failed).sum()));
				report.section("9. Fleet hot path: Redis store against in-memory store",
						"One warm instance each, " + settings.concurrency() + " calls in flight, as in 1b. "
								+ InterleavedRounds.describe(settings)
								+ " A call with a valid token does not reach Redis, so the two should match. "
								+ "Medians over rounds (min–max). Token requests during the recorded rounds: "
								+ partner.tokenRequests() + ".\n\n" + table + "\nTarget: Redis store at least "
								+ HOT_PATH_TARGET + " × in-memory by calls/s: "
								+ InterleavedRounds.verdict(results.get(redis), reference, HOT_PATH_TARGET) + ".");
			}
		});
	}

	/**
	 * Runs a scenario against a new embedded Redis server and a new loopback partner, and
	 * stops both after it.
	 * @param scenario the scenario, given the partner and the Redis server's port
	 */
	private static void withRedis(BiConsumer<LoopbackPartner, Integer> scenario) {
		RedisServer redis = startRedis();
		try (LoopbackPartner partner = new LoopbackPartner()) {
			scenario.accept(partner, redis.ports().get(0));
		}
		finally {
			stop(redis);
		}
	}

	/**
	 * Runs one fleet: every instance of it, the restarted one too, shares one new key
	 * prefix, as the instances of one service share their configuration.
	 * @param partner the loopback partner the fleet calls
	 * @param kind creates one instance of the contender measured, given the fleet's key
	 * prefix
	 * @return the fleet's token requests and timings
	 */
	private static Measurement herdAndRestart(LoopbackPartner partner, Function<String, Contender> kind) {
		String prefix = keyPrefix();
		List<Contender> fleet = new ArrayList<>();
		try {
			for (int i = 0; i < INSTANCES; i++) {
				fleet.add(kind.apply(prefix));
			}
			partner.resetCounts();
			int calls = INSTANCES * CALLS_PER_INSTANCE;
			long start = System.nanoTime();
			long succeeded = Flux.range(0, calls)
				.flatMap((i) -> Load.call(fleet.get(i % INSTANCES).webClient()), calls)
				.filter(Boolean::booleanValue)
				.count()
				.block();
			double answeredMillis = (System.nanoTime() - start) / 1e6;
			long herdTokenRequests = partner.tokenRequests();
			fleet.remove(0).close();
			partner.resetCounts();
			Contender restarted = kind.apply(prefix);
			fleet.add(restarted);
			Scenarios.require(Load.callNow(restarted.webClient()), restarted, "call after the restart");
			return new Measurement(herdTokenRequests, succeeded, answeredMillis, partner.tokenRequests());
		}
		finally {
			fleet.forEach(Contender::close);
		}
	}

	private static String keyPrefix() {
		return "bench-" + UUID.randomUUID();
	}

	private static RedisServer startRedis() {
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
			throw new UncheckedIOException("Could not start the embedded Redis server", ex);
		}
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
	 * What one run measured.
	 *
	 * @param herdTokenRequests token requests the cold herd caused
	 * @param succeeded calls of the herd that succeeded
	 * @param answeredMillis time until every call of the herd was answered
	 * @param restartTokenRequests token requests the restarted instance caused
	 */
	record Measurement(long herdTokenRequests, long succeeded, double answeredMillis, long restartTokenRequests) {
	}

}
