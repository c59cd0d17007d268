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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link HotPathBenchmarks}, {@link ServletHotPathBenchmarks} and
 * {@link ClientAssertionBenchmarks} with JMH and its allocation profiler, and turns the
 * results into tables of medians over all measured iterations of all forks.
 */
final class JmhRun {

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private JmhRun() {
	}

	/**
	 * Runs {@link HotPathBenchmarks} and adds their section to the report.
	 * @param report the report
	 * @param settings forks and iterations
	 * @param log where JMH's own output goes
	 */
	static void run(Report report, Settings settings, Path log) {
		Measured measured = measure(HotPathBenchmarks.class, settings, log);
		Map<String, Stats> time = measured.time();
		Map<String, Stats> allocation = measured.allocation();
		Table table = new Table("Benchmark", "ns/op", "bytes allocated/op", "time ratio", "allocation ratio");
		row(table, time, allocation, "filterStaticHeader", "static bearer header filter", "filterStock", "stock");
		row(table, time, allocation, "filterPartnerApis", "partner-apis filter", "filterStock", "stock");
		row(table, time, allocation, "filterStock", "stock Spring Security filter", "filterStock", "stock");
		row(table, time, allocation, "webClientPlain", "WebClient call, plain static header", "webClientPlain",
				"plain");
		row(table, time, allocation, "webClientPartnerApis", "WebClient call, partner-apis", "webClientPlain", "plain");
		row(table, time, allocation, "webClientStock", "WebClient call, stock Spring Security", "webClientPlain",
				"plain");
		Stats partnerApis = time.get("filterPartnerApis");
		Stats stock = time.get("filterStock");
		report.section("1a. Hot path, no network: JMH",
				"JMH " + iterations(settings) + ", average time per operation, one thread, with JMH's GC "
						+ "profiler for allocation. The exchange function answers 200 at once with a canned "
						+ "`ClientResponse`; each contender holds a token fetched from the loopback server during "
						+ "set-up. Filter rows call the `ExchangeFilterFunction` alone (the partner-apis and stock "
						+ "filters are taken from the contenders' own WebClients); WebClient rows make a whole "
						+ "`get().uri(..).retrieve().toBodilessEntity()` call. Medians over all measured "
						+ "iterations (min–max).\n\n" + table + "\nTarget: the partner-apis filter costs no more "
						+ "than stock's: **" + ((partnerApis.median() <= stock.median()) ? "met" : "NOT met") + "** ("
						+ Stats.number(partnerApis.median(), 0) + " vs " + Stats.number(stock.median(), 0)
						+ " ns/op).");
	}

	/**
	 * Runs {@link ServletHotPathBenchmarks} and adds their section to the report.
	 * @param report the report
	 * @param settings forks and iterations
	 * @param log where JMH's own output goes
	 */
	static void servlet(Report report, Settings settings, Path log) {
		Measured measured = measure(ServletHotPathBenchmarks.class, settings, log);
		Map<String, Stats> time = measured.time();
		Map<String, Stats> allocation = measured.allocation();
		Table table = new Table("Benchmark", "ns/op", "bytes allocated/op", "time ratio", "allocation ratio");
		row(table, time, allocation, "interceptorStaticHeader", "static bearer header interceptor", "interceptorStock",
				"stock");
		row(table, time, allocation, "interceptorPartnerApis", "partner-apis interceptor", "interceptorStock", "stock");
		row(table, time, allocation, "interceptorStock", "stock Spring Security interceptor", "interceptorStock",
				"stock");
		row(table, time, allocation, "restClientPlain", "RestClient call, plain static header", "restClientPlain",
				"plain");
		row(table, time, allocation, "restClientStaticHeaderInterceptor",
				"RestClient call, static header set by an interceptor", "restClientPlain", "plain");
		row(table, time, allocation, "restClientPartnerApis", "RestClient call, partner-apis", "restClientPlain",
				"plain");
		row(table, time, allocation, "restClientStock", "RestClient call, stock Spring Security", "restClientPlain",
				"plain");
		Stats partnerApis = time.get("interceptorPartnerApis");
		Stats stock = time.get("interceptorStock");
		report.section("8d. Servlet side, hot path, no network: JMH",
				"As 1a, for RestClients: " + iterations(settings) + ", one thread, with JMH's GC profiler. "
						+ "Interceptor rows call the `ClientHttpRequestInterceptor` alone, with an execution that "
						+ "answers at once (the partner-apis and stock interceptors are taken from the contenders' "
						+ "own RestClients, each holding a token fetched from the loopback server during set-up). "
						+ "RestClient rows make a whole `get().uri(..).retrieve().body(String.class)` call, as in "
						+ "8a, through each contender's own RestClient (the partner-apis one is the "
						+ "`benchRestClient` bean) with its request factory swapped for one that answers 200 at "
						+ "once with a canned JSON body. The row of the static header set by an interceptor is the "
						+ "plain RestClient with its header set by the static interceptor instead: the difference "
						+ "to plain is what Spring's request interception alone costs (a buffering request "
						+ "wrapper, the headers copied once more), which the partner-apis and stock contenders pay "
						+ "too. Medians over all measured iterations (min–max).\n\n" + table
						+ "\nTarget: the partner-apis interceptor costs no more than stock's: **"
						+ ((partnerApis.median() <= stock.median()) ? "met" : "NOT met") + "** ("
						+ Stats.number(partnerApis.median(), 0) + " vs " + Stats.number(stock.median(), 0)
						+ " ns/op).");
	}

	/**
	 * Runs {@link ClientAssertionBenchmarks} and adds their section to the report.
	 * @param report the report
	 * @param settings forks and iterations
	 * @param log where JMH's own output goes
	 */
	static void assertion(Report report, Settings settings, Path log) {
		Measured measured = measure(ClientAssertionBenchmarks.class, settings, log);
		Table table = new Table("Client assertion", "µs per assertion", "bytes allocated per assertion");
		table.row("RS256, 2048-bit RSA key", measured.time().get("rs256").times(1e-3).format(1),
				measured.allocation().get("rs256").format(0));
		table.row("ES256, P-256 key", measured.time().get("es256").times(1e-3).format(1),
				measured.allocation().get("es256").format(0));
		report.section("10. Client assertion: one signed JWT per token request, JMH",
				"JMH " + iterations(settings) + ", average time per operation, one thread, with JMH's GC "
						+ "profiler for allocation. Each operation is `ClientAssertionSigner.parameters()`: the "
						+ "`client_assertion` and `client_assertion_type` of one `private_key_jwt` token request, "
						+ "with claims dated by the system clock, a fresh `jti` and a new signature by Nimbus JOSE "
						+ "(`RSASSASigner`, `ECDSASigner`) with a key generated in set-up. Medians over all measured "
						+ "iterations (min–max).\n\n" + table + "\nTarget: none; this is paid once per token "
						+ "request, never per API call, whose cost is in 1a and 8d.");
	}

	/**
	 * Describes the forks and iterations of a JMH part, such as {@code 2 forks × 3
	 * measured iterations of 1 s (after 8 warm-up iterations)}.
	 * @param settings the run's settings
	 * @return the description, for the part's heading
	 */
	private static String iterations(Settings settings) {
		return settings.jmhForks() + " forks × " + settings.jmhIterations() + " measured iterations of "
				+ Scenarios.seconds(settings.jmhTime()) + " (after " + settings.jmhWarmups() + " warm-up iterations)";
	}

	private static Measured measure(Class<?> benchmarks, Settings settings, Path log) {
		Options options = new OptionsBuilder().include("^" + Pattern.quote(benchmarks.getName() + "."))
			.forks(settings.jmhForks())
			.warmupIterations(settings.jmhWarmups())
			.warmupTime(TimeValue.milliseconds(settings.jmhTime().toMillis()))
			.measurementIterations(settings.jmhIterations())
			.measurementTime(TimeValue.milliseconds(settings.jmhTime().toMillis()))
			.threads(1)
			.jvmArgs("-Xms1g", "-Xmx1g")
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true)
			.output(log.toString())
			.build();
		Collection<RunResult> results;
		try {
			results = new Runner(options).run();
		}
		catch (RunnerException ex) {
			throw new IllegalStateException("JMH failed; see " + log, ex);
		}
		Map<String, Stats> time = new LinkedHashMap<>();
		Map<String, Stats> allocation = new LinkedHashMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			List<Double> scores = new ArrayList<>();
			List<Double> bytes = new ArrayList<>();
			for (BenchmarkResult fork : result.getBenchmarkResults()) {
				for (IterationResult iteration : fork.getIterationResults()) {
					scores.add(iteration.getPrimaryResult().getScore());
					Result<?> allocated = secondary(iteration.getSecondaryResults());
					if (allocated != null) {
						bytes.add(allocated.getScore());
					}
				}
			}
			time.put(name, Stats.of(scores));
			allocation.put(name, Stats.of(bytes));
		}
		return new Measured(time, allocation);
	}

	private static void row(Table table, Map<String, Stats> time, Map<String, Stats> allocation, String benchmark,
			String label, String reference, String referenceLabel) {
		Stats own = time.get(benchmark);
		Stats ownBytes = allocation.get(benchmark);
		table.row(label, own.format(0), ownBytes.format(0),
				Stats.number(own.median() / time.get(reference).median(), 2) + " × " + referenceLabel,
				Stats.number(ownBytes.median() / allocation.get(reference).median(), 2) + " × " + referenceLabel);
	}

	private static Result<?> secondary(Map<String, Result> results) {
		for (Map.Entry<String, Result> entry : results.entrySet()) {
			if (entry.getKey().endsWith(ALLOCATION)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/**
	 * Time and allocation per operation of each benchmark, by method name.
	 *
	 * @param time nanoseconds per operation
	 * @param allocation bytes allocated per operation
	 */
	private record Measured(Map<String, Stats> time, Map<String, Stats> allocation) {

	}

}
