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
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The servlet side: the partner-apis RestClient against a plain RestClient with a static
 * header and against stock Spring Security 7.1's
 * {@code OAuth2ClientHttpRequestInterceptor}, called from blocking platform threads as a
 * Spring MVC application calls them. Three parts, as on the WebClient side: the hot path,
 * a cold herd, and a revocation.
 */
final class ServletScenarios {

	private static final double TARGET = 0.98;

	private static final List<Function<LoopbackPartner, Contender>> COUNTED = List.of(Contender::partnerApisRestClient,
			Contender::stockRestClient);

	private ServletScenarios() {
	}

	/**
	 * Hot path over loopback: every contender holds a token, then a fixed number of
	 * threads call for a while, the contenders taking turns in an
	 * {@link InterleavedRounds interleaved run}.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void throughput(Report report, Settings settings) {
		try (LoopbackPartner partner = new LoopbackPartner();
				Contender plain = Contender.plainRestClient(partner);
				Contender intercepted = Contender.interceptedRestClient(partner);
				Contender partnerApis = Contender.partnerApisRestClient(partner);
				Contender stock = Contender.stockRestClient(partner)) {
			List<Contender> contenders = List.of(plain, intercepted, partnerApis, stock);
			Map<Contender, List<Load.Result>> results = InterleavedRounds.run(contenders, partner, settings,
					(contender) -> BlockingLoad.call(contender.restClient()), (contender, duration) -> BlockingLoad
						.closedLoop(contender.restClient(), settings.concurrency(), duration));
			Table table = ThroughputScenario.table(contenders, results, plain);
			report.section("8a. Servlet side, hot path: RestClient throughput with a cached token",
					"As 1b, with RestClients built from Spring Boot's `RestClient.Builder` (the same request "
							+ "factory type, settings, connection pool and event loops for all, except that the "
							+ "partner-apis one never follows redirects) and " + settings.concurrency()
							+ " blocking platform threads each sending its next call when the last is answered. "
							+ "Stock is `OAuth2ClientHttpRequestInterceptor` over an "
							+ "`AuthorizedClientServiceOAuth2AuthorizedClientManager`. The plain RestClient whose "
							+ "header is set by a one-line interceptor shows what Spring's request interception "
							+ "alone costs, which the partner-apis and stock interceptors pay too. "
							+ InterleavedRounds.describe(settings) + " "
							+ "Medians over rounds (min–max). Token requests during the recorded rounds: "
							+ partner.tokenRequests() + ".\n\n" + table + "\nTarget: partner-apis RestClient at "
							+ "least " + TARGET + " × the RestClient whose one interceptor sets a static header, "
							+ "by calls/s: "
							+ InterleavedRounds.verdict(results.get(partnerApis), results.get(intercepted), TARGET)
							+ ".");
		}
	}

	/**
	 * Cold herd: a contender that holds no token meets many threads calling at once,
	 * while the token endpoint takes a while to answer.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void coldHerd(Report report, Settings settings) {
		try (LoopbackPartner partner = new LoopbackPartner()) {
			partner.tokenDelay(ColdStartScenario.TOKEN_DELAY);
			Map<String, List<ColdStartScenario.Measurement>> results = Scenarios.repeat(settings.runs(), true, COUNTED,
					partner, (contender) -> {
						partner.resetCounts();
						Load.Burst herd = BlockingLoad.herd(contender.restClient(), ColdStartScenario.CALLS);
						return new ColdStartScenario.Measurement(herd, partner.tokenRequests());
					});
			Table table = new Table("Contender", "token requests", "succeeded of " + ColdStartScenario.CALLS,
					"all answered after ms");
			results.forEach((name, measurements) -> table.row(name,
					Scenarios.stats(measurements, ColdStartScenario.Measurement::tokenRequests).format(0),
					Scenarios.stats(measurements, (m) -> m.burst().succeeded()).format(0),
					Scenarios.stats(measurements, (m) -> m.burst().answeredMillis()).format(0)));
			report.section("8b. Servlet side, cold herd: " + ColdStartScenario.CALLS + " threads at once",
					"As 2, with " + ColdStartScenario.CALLS + " platform threads released together, each making "
							+ "one call through a fresh RestClient contender; the token endpoint takes "
							+ ColdStartScenario.TOKEN_DELAY.toMillis() + " ms. " + settings.runs()
							+ " runs after one unrecorded warm-up run; medians (min–max).\n\n" + table
							+ "\nTarget: partner-apis makes 1 token request.");
		}
	}

	/**
	 * Revocation: the partner revokes the token a contender holds, and one thread goes on
	 * calling.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void revocation(Report report, Settings settings) {
		try (LoopbackPartner partner = new LoopbackPartner()) {
			List<Function<LoopbackPartner, Contender>> contenders = new ArrayList<>();
			contenders.add(Contender::plainRestClient);
			contenders.addAll(COUNTED);
			Map<String, List<RevocationScenario.Measurement>> results = Scenarios.repeat(settings.runs(), true,
					contenders, partner, (contender) -> {
						Scenarios.require(BlockingLoad.call(contender.restClient()), contender, "first call");
						partner.revokeAll();
						partner.resetCounts();
						long succeeded = BlockingLoad.sequential(contender.restClient(), RevocationScenario.CALLS);
						RevocationScenario.Measurement measurement = new RevocationScenario.Measurement(succeeded,
								partner.tokenRequests(), partner.apiUnauthorized());
						partner.restoreStaticToken();
						return measurement;
					});
			Table table = new Table("Contender", "succeeded of " + RevocationScenario.CALLS, "token requests",
					"401 answers");
			results.forEach((name, measurements) -> table.row(name,
					Scenarios.stats(measurements, RevocationScenario.Measurement::succeeded).format(0),
					Scenarios.stats(measurements, RevocationScenario.Measurement::tokenRequests).format(0),
					Scenarios.stats(measurements, RevocationScenario.Measurement::unauthorized).format(0)));
			report.section(
					"8c. Servlet side, revocation: the token is revoked, then " + RevocationScenario.CALLS + " calls",
					"As 3, through RestClients, the calls one after the other on one thread. " + settings.runs()
							+ " runs after one unrecorded warm-up run; medians (min–max).\n\n" + table
							+ "\nTarget: partner-apis " + RevocationScenario.CALLS
							+ " succeeded with 1 token request.");
		}
	}

}
