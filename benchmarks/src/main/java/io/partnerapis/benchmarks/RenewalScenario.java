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
 * Renewal across expiry: tokens live a couple of seconds, the token endpoint is slow, and
 * calls go on at a steady rate across several expiries. Whether any call waited for a
 * renewal shows in the worst latency compared with the token endpoint's delay.
 */
final class RenewalScenario {

	static final long LIFETIME_SECONDS = 2;

	static final Duration TOKEN_DELAY = Duration.ofMillis(300);

	static final int CONCURRENCY = 4;

	private RenewalScenario() {
	}

	/**
	 * Runs the scenario and adds its section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		int runs = Math.max(1, Math.min(settings.runs(), 3));
		try (LoopbackPartner partner = new LoopbackPartner()) {
			partner.tokenLifetimeSeconds(LIFETIME_SECONDS);
			partner.tokenDelay(TOKEN_DELAY);
			Map<String, List<Measurement>> results = Scenarios.repeat(runs, false,
					List.of(Contender::plain, Contender::partnerApis,
							(p) -> Contender.stock(p, StockWiring.Variant.RECOMMENDED),
							(p) -> Contender.stock(p, StockWiring.Variant.SHORT_CLOCK_SKEW)),
					partner, (contender) -> {
						Scenarios.require(Load.callNow(contender.webClient()), contender, "first call");
						partner.resetCounts();
						Load.Result result = Load.closedLoop(contender.webClient(), CONCURRENCY,
								settings.renewalLoad());
						return new Measurement(result, partner.tokenRequests());
					});
			Table table = new Table("Contender", "calls/s", "failed calls", "token requests", "p50 ms", "p99 ms",
					"worst ms", "worst ÷ token delay", "calls ≥ token delay");
			results.forEach((name, measurements) -> table.row(name,
					Scenarios.stats(measurements, (m) -> m.result().perSecond()).format(0),
					Scenarios.stats(measurements, (m) -> m.result().failed()).format(0),
					Scenarios.stats(measurements, Measurement::tokenRequests).format(0),
					Scenarios.stats(measurements, (m) -> m.result().percentileMillis(50)).format(1),
					Scenarios.stats(measurements, (m) -> m.result().percentileMillis(99)).format(1),
					Scenarios.stats(measurements, (m) -> m.result().maxMillis()).format(1),
					Scenarios.stats(measurements, (m) -> m.result().maxMillis() / TOKEN_DELAY.toMillis()).format(2),
					Scenarios.stats(measurements, (m) -> m.result().slowerThan(TOKEN_DELAY)).format(0)));
			report.section("5. Renewal across expiry under steady load",
					"Tokens live " + LIFETIME_SECONDS + " s (`expires_in: " + LIFETIME_SECONDS
							+ "`, enforced by the server) and the token endpoint takes " + TOKEN_DELAY.toMillis()
							+ " ms. After one call, " + CONCURRENCY + " calls are kept in flight for "
							+ Scenarios.seconds(settings.renewalLoad()) + ", about "
							+ (settings.renewalLoad().toSeconds() / LIFETIME_SECONDS)
							+ " token lifetimes. A worst latency under the token delay means no call waited for a "
							+ "renewal; the plain WebClient, which never renews, shows the noise floor. Stock "
							+ "Spring Security's default clock skew is 60 s, longer than these tokens live, so it "
							+ "treats every token as expired; the 1 s row shows it tuned. " + runs
							+ " runs, each with a new contender; medians (min–max).\n\n" + table);
		}
	}

	/**
	 * What one run measured.
	 *
	 * @param result the calls
	 * @param tokenRequests token requests the server received during the load
	 */
	record Measurement(Load.Result result, long tokenRequests) {
	}

}
