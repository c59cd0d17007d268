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
import java.util.function.ToDoubleFunction;

/**
 * Hot path over loopback: every contender holds a token, then a fixed number of calls is
 * kept in flight, the contenders taking turns in an {@link InterleavedRounds interleaved
 * run}, each compared with the plain WebClient of the same round.
 *
 * <p>
 * Two measures are reported: calls per second of wall time, and CPU time this JVM's Java
 * threads spent per call (client and loopback server together, JIT and GC left out). The
 * second barely moves when other processes take cores away, and its ratio to plain is
 * what throughput would be when CPU-bound.
 */
final class ThroughputScenario {

	private static final double TARGET = 0.95;

	private ThroughputScenario() {
	}

	/**
	 * Runs the scenario and adds its section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		try (LoopbackPartner partner = new LoopbackPartner();
				Contender plain = Contender.plain(partner);
				Contender partnerApis = Contender.partnerApis(partner);
				Contender stock = Contender.stock(partner, StockWiring.Variant.RECOMMENDED)) {
			List<Contender> contenders = List.of(plain, partnerApis, stock);
			Map<Contender, List<Load.Result>> results = InterleavedRounds.run(contenders, partner, settings,
					(contender) -> Load.callNow(contender.webClient()),
					(contender, duration) -> Load.closedLoop(contender.webClient(), settings.concurrency(), duration));
			Table table = table(contenders, results, plain);
			report.section("1b. Hot path over loopback: throughput with a cached token",
					"Each contender already holds a token; " + settings.concurrency()
							+ " calls are kept in flight (closed loop: a GET that reads a small JSON body) against "
							+ "the same Reactor Netty server on 127.0.0.1. " + InterleavedRounds.describe(settings)
							+ " All contenders take Spring Boot's `WebClient.Builder`, so they share its connector "
							+ "and connection-pool settings. CPU µs per call is the CPU time of this JVM's Java "
							+ "threads (client event loops and loopback server together; JIT compiler and GC left "
							+ "out, allocation is in 1a) divided by calls: unlike calls/s it barely moves when other "
							+ "processes take cores away. Medians over rounds (min–max). Token requests "
							+ "during the measured rounds: " + partner.tokenRequests() + ".\n\n" + table
							+ "\nTarget: partner-apis at least " + TARGET + " × plain by calls/s: "
							+ InterleavedRounds.verdict(results.get(partnerApis), results.get(plain), TARGET) + ".");
		}
	}

	/**
	 * Tabulates an interleaved run: per contender, calls per second and CPU time per call
	 * with their ratios to the reference of the same round, latency and failures.
	 * @param contenders the contenders
	 * @param results their results, one per round
	 * @param reference the contender the ratios are taken to
	 * @return the table
	 */
	static Table table(List<Contender> contenders, Map<Contender, List<Load.Result>> results, Contender reference) {
		Table table = new Table("Contender", "calls/s", "calls/s ratio to " + reference.name(), "CPU µs per call",
				"CPU ratio (" + reference.name() + " ÷ contender)", "p50 ms", "p99 ms", "failed calls");
		for (Contender contender : contenders) {
			List<Load.Result> own = results.get(contender);
			table.row(contender.name(), stats(own, Load.Result::perSecond).format(0),
					ratios(own, results.get(reference), Load.Result::perSecond, false).format(3),
					stats(own, Load.Result::cpuMicrosPerCall).format(1),
					ratios(own, results.get(reference), Load.Result::cpuMicrosPerCall, true).format(3),
					stats(own, (r) -> r.percentileMillis(50)).format(2),
					stats(own, (r) -> r.percentileMillis(99)).format(2),
					own.stream().mapToLong(Load.Result::failed).sum());
		}
		return table;
	}

	static Stats stats(List<Load.Result> results, ToDoubleFunction<Load.Result> measure) {
		return Stats.of(results.stream().mapToDouble(measure).toArray());
	}

	static Stats ratios(List<Load.Result> own, List<Load.Result> plain, ToDoubleFunction<Load.Result> measure,
			boolean inverse) {
		return Stats.of(InterleavedRounds.ratioValues(own, plain, measure, inverse));
	}

}
