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

/**
 * Revocation: the partner revokes the token a contender holds, and the contender goes on
 * calling, one call after the other.
 */
final class RevocationScenario {

	static final int CALLS = 100;

	private RevocationScenario() {
	}

	/**
	 * Runs the scenario and adds its section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		try (LoopbackPartner partner = new LoopbackPartner()) {
			Map<String, List<Measurement>> results = Scenarios.repeat(settings.runs(), true,
					List.of(Contender::plain, Contender::partnerApis,
							(p) -> Contender.stock(p, StockWiring.Variant.RECOMMENDED),
							(p) -> Contender.stock(p, StockWiring.Variant.NO_FAILURE_HANDLER)),
					partner, (contender) -> {
						Scenarios.require(Load.callNow(contender.webClient()), contender, "first call");
						partner.revokeAll();
						partner.resetCounts();
						long succeeded = Load.sequential(contender.webClient(), CALLS);
						Measurement measurement = new Measurement(succeeded, partner.tokenRequests(),
								partner.apiUnauthorized());
						partner.restoreStaticToken();
						return measurement;
					});
			Table table = new Table("Contender", "succeeded of " + CALLS, "token requests", "401 answers");
			results.forEach((name, measurements) -> table.row(name,
					Scenarios.stats(measurements, Measurement::succeeded).format(0),
					Scenarios.stats(measurements, Measurement::tokenRequests).format(0),
					Scenarios.stats(measurements, Measurement::unauthorized).format(0)));
			report.section("3. Revocation: the token is revoked, then " + CALLS + " calls",
					"Each contender makes one call (so it holds a token), the server revokes every token, then " + CALLS
							+ " calls follow one after the other. Counts are the server's. " + settings.runs()
							+ " runs after one unrecorded warm-up run, each with a new contender; medians (min–max).\n\n"
							+ table + "\nTarget: partner-apis " + CALLS + " succeeded with 1 token request.");
		}
	}

	/**
	 * What one run measured.
	 *
	 * @param succeeded calls that succeeded
	 * @param tokenRequests token requests the server received after the revocation
	 * @param unauthorized API requests the server answered with 401
	 */
	record Measurement(long succeeded, long tokenRequests, long unauthorized) {
	}

}
