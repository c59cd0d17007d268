package io.partnerapis.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Hot path over loopback: every contender holds a token, then a fixed number of calls is
 * kept in flight. After a warm-up of each, the contenders take turns in short slices, in
 * an order that rotates from round to round, and each is compared with the plain
 * WebClient of the same round, so that load from other processes on a shared machine
 * falls on all of them alike.
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
			Map<Contender, List<Load.Result>> results = rounds(contenders, partner, settings,
					(contender) -> Load.callNow(contender.webClient()),
					(contender, duration) -> Load.closedLoop(contender.webClient(), settings.concurrency(), duration));
			Table table = new Table("Contender", "calls/s", "calls/s ratio to plain", "CPU µs per call",
					"CPU ratio (plain ÷ contender)", "p50 ms", "p99 ms", "failed calls");
			Map<Contender, Stats> wallRatios = new LinkedHashMap<>();
			Map<Contender, Stats> cpuRatios = new LinkedHashMap<>();
			for (Contender contender : contenders) {
				List<Load.Result> own = results.get(contender);
				wallRatios.put(contender, ratios(own, results.get(plain), Load.Result::perSecond, false));
				cpuRatios.put(contender, ratios(own, results.get(plain), Load.Result::cpuMicrosPerCall, true));
				table.row(contender.name(), stats(own, Load.Result::perSecond).format(0),
						wallRatios.get(contender).format(3), stats(own, Load.Result::cpuMicrosPerCall).format(1),
						cpuRatios.get(contender).format(3), stats(own, (r) -> r.percentileMillis(50)).format(2),
						stats(own, (r) -> r.percentileMillis(99)).format(2),
						own.stream().mapToLong(Load.Result::failed).sum());
			}
			report.section("1b. Hot path over loopback: throughput with a cached token",
					"Each contender already holds a token; " + settings.concurrency()
							+ " calls are kept in flight (closed loop: a GET that reads a small JSON body) against "
							+ "the same Reactor Netty server on 127.0.0.1. After "
							+ Scenarios.seconds(settings.throughputWarmup())
							+ " of warm-up each, the contenders take turns: " + settings.throughputRounds()
							+ " rounds of " + Scenarios.seconds(settings.throughputMeasure())
							+ " per contender, the order rotating per round. All contenders take Spring Boot's "
							+ "`WebClient.Builder`, so they share its connector and connection-pool settings. "
							+ "Ratios are taken within each round. CPU µs per call is the CPU time of this JVM's Java "
							+ "threads (client event loops and loopback server together; JIT compiler and GC left "
							+ "out, allocation is in 1a) divided by calls: unlike calls/s it barely moves when other "
							+ "processes take cores away. Medians over rounds (min–max). Token requests "
							+ "during the measured rounds: " + partner.tokenRequests() + ".\n\n" + table
							+ "\nTarget: partner-apis at least " + TARGET + " × plain. By calls/s: "
							+ verdict(wallRatios.get(partnerApis)) + "; by CPU per call: "
							+ verdict(cpuRatios.get(partnerApis)) + ".");
		}
	}

	/**
	 * Makes a first call through each contender and warms it up, then lets the contenders
	 * take turns for the configured rounds, the order rotating per round.
	 * @param contenders the contenders
	 * @param partner the partner, whose counts are reset before the rounds
	 * @param settings durations and repetitions
	 * @param firstCall makes one call, which must succeed
	 * @param closedLoop measures a contender for a given time
	 * @return the results per contender, one per round
	 */
	static Map<Contender, List<Load.Result>> rounds(List<Contender> contenders, LoopbackPartner partner,
			Settings settings, Predicate<Contender> firstCall,
			BiFunction<Contender, Duration, Load.Result> closedLoop) {
		for (Contender contender : contenders) {
			Scenarios.require(firstCall.test(contender), contender, "first call");
			closedLoop.apply(contender, settings.throughputWarmup());
		}
		partner.resetCounts();
		return InterleavedRounds.interleave(contenders, settings.throughputRounds(), settings.throughputMeasure(),
				closedLoop);
	}

	static Stats stats(List<Load.Result> results, ToDoubleFunction<Load.Result> measure) {
		return Stats.of(results.stream().mapToDouble(measure).toArray());
	}

	static Stats ratios(List<Load.Result> own, List<Load.Result> plain, ToDoubleFunction<Load.Result> measure,
			boolean inverse) {
		return Stats.of(InterleavedRounds.ratioValues(own, plain, measure, inverse));
	}

	private static String verdict(Stats ratio) {
		return "**" + ((ratio.median() >= TARGET) ? "met" : "NOT met") + "** (median " + Stats.number(ratio.median(), 3)
				+ ")";
	}

}
