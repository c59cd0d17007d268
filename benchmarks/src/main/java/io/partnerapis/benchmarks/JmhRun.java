package io.partnerapis.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Runs {@link HotPathBenchmarks} with JMH and its allocation profiler, and turns the
 * results into a table of medians over all measured iterations of all forks.
 */
final class JmhRun {

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private JmhRun() {
	}

	/**
	 * Runs the benchmarks and adds their section to the report.
	 * @param report the report
	 * @param settings forks and iterations
	 * @param log where JMH's own output goes
	 */
	static void run(Report report, Settings settings, Path log) {
		Options options = new OptionsBuilder().include(HotPathBenchmarks.class.getName() + ".")
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
				"JMH " + settings.jmhForks() + " forks × " + settings.jmhIterations() + " measured iterations of "
						+ Scenarios.seconds(settings.jmhTime()) + " (after " + settings.jmhWarmups()
						+ " warm-up iterations), average time per operation, one thread, with JMH's GC profiler "
						+ "for allocation. The exchange function answers 200 at once with a canned "
						+ "`ClientResponse`; each contender holds a token fetched from the loopback server during "
						+ "set-up. Filter rows call the `ExchangeFilterFunction` alone (the partner-apis and stock "
						+ "filters are taken from the contenders' own WebClients); WebClient rows make a whole "
						+ "`get().uri(..).retrieve().toBodilessEntity()` call. Medians over all measured "
						+ "iterations (min–max).\n\n" + table + "\nTarget: the partner-apis filter costs no more "
						+ "than stock's: **" + ((partnerApis.median() <= stock.median()) ? "met" : "NOT met") + "** ("
						+ Stats.number(partnerApis.median(), 0) + " vs " + Stats.number(stock.median(), 0)
						+ " ns/op).");
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

}
