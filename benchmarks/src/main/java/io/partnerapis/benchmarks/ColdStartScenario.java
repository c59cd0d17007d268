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

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Cold start: a contender that holds no token yet meets many concurrent first calls,
 * while the token endpoint takes a while to answer.
 */
final class ColdStartScenario {

	static final int CALLS = 200;

	static final Duration TOKEN_DELAY = Duration.ofMillis(500);

	private ColdStartScenario() {
	}

	/**
	 * Runs the scenario and adds its section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		try (LoopbackPartner partner = new LoopbackPartner()) {
			partner.tokenDelay(TOKEN_DELAY);
			Map<String, List<Measurement>> results = Scenarios.repeat(settings.runs(), true,
					List.of(Contender::partnerApis, (p) -> Contender.stock(p, StockWiring.Variant.RECOMMENDED)),
					partner, (contender) -> {
						partner.resetCounts();
						Load.Burst burst = Load.burst(contender.webClient(), CALLS);
						return new Measurement(burst, partner.tokenRequests());
					});
			Table table = new Table("Contender", "token requests", "succeeded of " + CALLS, "all sent after ms",
					"all answered after ms");
			results.forEach((name, measurements) -> table.row(name,
					Scenarios.stats(measurements, Measurement::tokenRequests).format(0),
					Scenarios.stats(measurements, (m) -> m.burst().succeeded()).format(0),
					Scenarios.stats(measurements, (m) -> m.burst().sentMillis()).format(0),
					Scenarios.stats(measurements, (m) -> m.burst().answeredMillis()).format(0)));
			report
				.section("2. Cold start: " + CALLS + " concurrent first calls", "A fresh contender with no token gets "
						+ CALLS + " calls at once; the token endpoint takes " + TOKEN_DELAY.toMillis()
						+ " ms to answer. Token requests are counted by the server; \"all sent\" is "
						+ "when the last call entered the WebClient, which should be well inside the token "
						+ "delay for the calls to find no token. " + settings.runs()
						+ " runs after one unrecorded warm-up run, each with a new contender; medians (min–max).\n\n"
						+ table + "\nTarget: partner-apis makes 1 token request.");
		}
	}

	/**
	 * What one run measured.
	 *
	 * @param burst the calls
	 * @param tokenRequests token requests the server received
	 */
	record Measurement(Load.Burst burst, long tokenRequests) {
	}

}
