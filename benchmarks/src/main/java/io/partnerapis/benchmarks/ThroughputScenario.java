package io.partnerapis.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hot path over loopback: every contender holds a token, then a fixed number of calls is
 * kept in flight for a set time. Contenders run back to back within each round, in an
 * order that rotates from round to round, and each is compared with the plain WebClient
 * of the same round.
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
			for (Contender contender : contenders) {
				Scenarios.require(Load.callNow(contender.webClient()), contender, "first call");
			}
			partner.resetCounts();
			Map<Contender, List<Load.Result>> results = new LinkedHashMap<>();
			contenders.forEach((contender) -> results.put(contender, new ArrayList<>()));
			for (int round = 0; round < settings.throughputRounds(); round++) {
				for (int i = 0; i < contenders.size(); i++) {
					Contender contender = contenders.get((i + round) % contenders.size());
					Load.closedLoop(contender.webClient(), settings.concurrency(), settings.throughputWarmup());
					results.get(contender)
						.add(Load.closedLoop(contender.webClient(), settings.concurrency(),
								settings.throughputMeasure()));
				}
			}
			Table table = new Table("Contender", "calls/s", "ratio to plain", "p50 ms", "p99 ms", "failed calls");
			Map<Contender, Stats> ratios = new LinkedHashMap<>();
			for (Contender contender : contenders) {
				List<Load.Result> own = results.get(contender);
				List<Double> ratio = new ArrayList<>();
				for (int round = 0; round < own.size(); round++) {
					ratio.add(own.get(round).perSecond() / results.get(plain).get(round).perSecond());
				}
				ratios.put(contender, Stats.of(ratio));
				table.row(contender.name(), Stats.of(own.stream().map(Load.Result::perSecond).toList()).format(0),
						Stats.of(ratio).format(3),
						Stats.of(own.stream().map((result) -> result.percentileMillis(50)).toList()).format(2),
						Stats.of(own.stream().map((result) -> result.percentileMillis(99)).toList()).format(2),
						own.stream().mapToLong(Load.Result::failed).sum());
			}
			Stats partnerRatio = ratios.get(partnerApis);
			report.section("1b. Hot path over loopback: throughput with a cached token",
					"Each contender already holds a token; " + settings.concurrency()
							+ " calls are kept in flight (closed loop: a GET that reads a small JSON body) against "
							+ "the same Reactor Netty server on 127.0.0.1, " + settings.throughputRounds()
							+ " rounds of " + Scenarios.seconds(settings.throughputWarmup()) + " warm-up + "
							+ Scenarios.seconds(settings.throughputMeasure())
							+ " measured per contender, contender order rotating per round. All contenders take "
							+ "Spring Boot's `WebClient.Builder`, so they share its connector and connection-pool "
							+ "settings. Medians over rounds, spread (min–max) in brackets; the ratio is taken "
							+ "within each round. Token requests during the measured rounds: "
							+ partner.tokenRequests() + ".\n\n" + table + "\nTarget: partner-apis at least "
							+ TARGET + " × plain: **" + (partnerRatio.median() >= TARGET ? "met" : "NOT met")
							+ "** (median " + Stats.number(partnerRatio.median(), 3) + ").");
		}
	}

}
