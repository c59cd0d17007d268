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
 * 401 storm: many concurrent calls are sent with a token the partner has just revoked, so
 * every one of them meets a 401 at once.
 */
final class UnauthorizedStormScenario {

	static final int CALLS = 200;

	static final Duration UNAUTHORIZED_DELAY = Duration.ofMillis(300);

	private UnauthorizedStormScenario() {
	}

	/**
	 * Runs the scenario and adds its section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		try (LoopbackPartner partner = new LoopbackPartner()) {
			partner.unauthorizedDelay(UNAUTHORIZED_DELAY);
			Map<String, List<Measurement>> results = Scenarios.repeat(settings.runs(), true,
					List.of(Contender::partnerApis, (p) -> Contender.stock(p, StockWiring.Variant.RECOMMENDED)),
					partner, (contender) -> {
						Scenarios.require(Load.callNow(contender.webClient()), contender, "first call");
						partner.revokeAll();
						partner.resetCounts();
						Load.Burst burst = Load.burst(contender.webClient(), CALLS);
						return new Measurement(burst, partner.tokenRequests(), partner.apiUnauthorized(),
								partner.apiRequests());
					});
			Table table = new Table("Contender", "succeeded of " + CALLS, "renewals (token requests)", "401 answers",
					"API requests", "all sent after ms");
			results.forEach((name, measurements) -> table.row(name,
					Scenarios.stats(measurements, (m) -> m.burst().succeeded()).format(0),
					Scenarios.stats(measurements, Measurement::tokenRequests).format(0),
					Scenarios.stats(measurements, Measurement::unauthorized).format(0),
					Scenarios.stats(measurements, Measurement::apiRequests).format(0),
					Scenarios.stats(measurements, (m) -> m.burst().sentMillis()).format(0)));
			report.section("4. 401 storm: " + CALLS + " concurrent calls meet a 401",
					"Each contender makes one call (so it holds a token), the server revokes every token, then " + CALLS
							+ " calls are sent at once with the revoked token. The server takes "
							+ UNAUTHORIZED_DELAY.toMillis() + " ms to answer 401, as across a real network, so all "
							+ "calls are in flight before the first 401 returns. Counts are the server's; API "
							+ "requests include replays. " + settings.runs()
							+ " runs after one unrecorded warm-up run, each with a new contender; medians (min–max).\n\n"
							+ table + "\nTarget: partner-apis " + CALLS + " succeeded with 1 renewal.");
		}
	}

	/**
	 * What one run measured.
	 *
	 * @param burst the calls
	 * @param tokenRequests token requests the server received after the revocation
	 * @param unauthorized API requests the server answered with 401
	 * @param apiRequests API requests the server answered
	 */
	record Measurement(Load.Burst burst, long tokenRequests, long unauthorized, long apiRequests) {
	}

}
