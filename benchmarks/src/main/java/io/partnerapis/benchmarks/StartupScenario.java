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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up: the refresh time of an application context with the five partners of the
 * specification, with the starter, with the same partners wired by hand with stock Spring
 * Security, and with neither. Every measurement is a new JVM.
 */
final class StartupScenario {

	private static final List<String> JVM = List.of("-Xmx512m");

	private static final List<String> AOT_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC");

	private StartupScenario() {
	}

	/**
	 * Runs the scenario and adds its section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("none", "without partners (3 Boot auto-configurations)");
		labels.put("partner-apis", "partner-apis, 5 partners");
		labels.put("stock", "stock Spring Security, 5 hand-wired registrations");
		labels.put("stock-properties", "stock Spring Security, 5 registrations from Boot's OAuth2 client properties");
		labels.put("none" + StartupProbe.JACKSON, "without partners, with Jackson (4 Boot auto-configurations)");
		labels.put("partner-apis" + StartupProbe.JACKSON, "partner-apis, 5 partners, with Jackson");
		labels.put("stock" + StartupProbe.JACKSON, "stock Spring Security, 5 hand-wired registrations, with Jackson");
		labels.put("stock-properties" + StartupProbe.JACKSON,
				"stock Spring Security, 5 registrations from Boot's OAuth2 client properties, with Jackson");
		Map<String, List<Double>> refresh = new LinkedHashMap<>();
		Map<String, List<Double>> ready = new LinkedHashMap<>();
		Map<String, List<Double>> cpu = new LinkedHashMap<>();
		Map<String, String> beans = new LinkedHashMap<>();
		Probes.run(StartupProbe.class, JVM, "partner-apis");
		for (int run = 0; run < settings.startupRuns(); run++) {
			for (String variant : labels.keySet()) {
				Map<String, String> values = Probes.run(StartupProbe.class, JVM, variant);
				refresh.computeIfAbsent(variant, (key) -> new ArrayList<>())
					.add(Double.parseDouble(values.get("refreshMillis")));
				ready.computeIfAbsent(variant, (key) -> new ArrayList<>())
					.add(Double.parseDouble(values.get("readyMillis")));
				cpu.computeIfAbsent(variant, (key) -> new ArrayList<>())
					.add(Double.parseDouble(values.get("cpuMillis")));
				beans.put(variant, values.get("beans"));
			}
		}
		Table table = new Table("Context", "refresh ms", "added by partners ms", "JVM uptime when ready ms",
				"JVM CPU time when ready ms", "CPU added by partners ms", "bean definitions");
		labels.forEach((variant, label) -> {
			Stats stats = Stats.of(refresh.get(variant));
			Stats cpuStats = Stats.of(cpu.get(variant));
			String without = variant.endsWith(StartupProbe.JACKSON) ? "none" + StartupProbe.JACKSON : "none";
			double base = Stats.of(refresh.get(without)).median();
			double baseCpu = Stats.of(cpu.get(without)).median();
			boolean none = variant.equals(without);
			table.row(label, stats.format(0), none ? "–" : Stats.number(stats.median() - base, 0),
					Stats.of(ready.get(variant)).format(0), cpuStats.format(0),
					none ? "–" : Stats.number(cpuStats.median() - baseCpu, 0), beans.get(variant));
		});
		report.section("6. Start-up with five partners", "Each measurement starts a new JVM (`" + String.join(" ", JVM)
				+ "`) that creates and refreshes one `AnnotationConfigApplicationContext` with "
				+ "`WebClientAutoConfiguration`, `ReactiveHttpClientAutoConfiguration` and "
				+ "`CodecsAutoConfiguration`, plus either `PartnerApisAutoConfiguration` with the five "
				+ "partners of the specification (budsense, bud, bemobi, smartsense, buoy: provider presets "
				+ "plus client id and secret), or the same five wired by hand as stock Spring Security "
				+ "beans (registrations, authorized-client service and manager, one filtered WebClient "
				+ "each, Bud's with the `X-Client-Id` header that Bud's document asks for on every API request "
				+ "and that the starter's Bud preset adds). The rows \"with Jackson\" add `JacksonAutoConfiguration`, as an application built with "
				+ "Boot's starters has: every WebClient's JSON codecs then use its mapper bean, where "
				+ "without it each WebClient built from Boot's builder creates JSON mappers of its own; "
				+ "partners are measured against the context without partners of the same kind. CPU time (all the JVM's threads, JIT compilers included) moves less than wall time "
				+ "when other processes share the cores. The first JVM is a discarded warm-up of the disk " + "cache. "
				+ settings.startupRuns() + " JVMs per variant, interleaved; medians (min–max).\n\n" + table + "\n\n"
				+ target(refresh, cpu) + "\n\n" + aotTable(settings));
	}

	/**
	 * States the target against stock from Boot's properties with Jackson twice: as the
	 * ratio of what each adds by medians, and from the differences between the two within
	 * each round of interleaved JVMs, which cancel what drifts between rounds, with the
	 * 95 % confidence interval of their median.
	 * @param refresh the refresh times by variant, in the order of the rounds
	 * @param cpu the CPU times by variant, in the order of the rounds
	 * @return the target's sentence
	 */
	private static String target(Map<String, List<Double>> refresh, Map<String, List<Double>> cpu) {
		String partnerApis = "partner-apis" + StartupProbe.JACKSON;
		String stock = "stock-properties" + StartupProbe.JACKSON;
		String none = "none" + StartupProbe.JACKSON;
		return "Target: what five partners add with partner-apis at most 1.05 × what they add with stock from "
				+ "Boot's OAuth2 client properties, both with Jackson. "
				+ comparison("Refresh", refresh, partnerApis, stock, none) + " "
				+ comparison("CPU", cpu, partnerApis, stock, none);
	}

	private static String comparison(String what, Map<String, List<Double>> times, String variant, String stock,
			String none) {
		double base = Stats.of(times.get(none)).median();
		double stockAdded = Stats.of(times.get(stock)).median() - base;
		double added = Stats.of(times.get(variant)).median() - base;
		List<Double> differences = new ArrayList<>();
		for (int round = 0; round < times.get(variant).size(); round++) {
			differences.add(times.get(variant).get(round) - times.get(stock).get(round));
		}
		double difference = Stats.of(differences).median();
		double[] interval = Stats.medianInterval(differences);
		return what + ": " + Stats.number(added / stockAdded, 2) + " × by medians (+" + Stats.number(added, 0)
				+ " against +" + Stats.number(stockAdded, 0) + " ms); partner-apis minus stock within a round "
				+ Stats.number(difference, 0) + " ms (95 % confidence interval of the median "
				+ Stats.number(interval[0], 0) + " to " + Stats.number(interval[1], 0) + "), that is "
				+ Stats.number((stockAdded + difference) / stockAdded, 2) + " × ("
				+ Stats.number((stockAdded + interval[0]) / stockAdded, 2) + "–"
				+ Stats.number((stockAdded + interval[1]) / stockAdded, 2) + ").";
	}

	/**
	 * Starts {@link AotStartupApplication} in the regular JVM mode and in AOT mode, from
	 * the classes the build generated for it, and tabulates refresh time, start time and
	 * heap.
	 * @param settings the run's settings
	 * @return the table, in Markdown
	 */
	private static String aotTable(Settings settings) {
		List<String> aot = new ArrayList<>(AOT_JVM);
		aot.add("-Dspring.aot.enabled=true");
		Map<String, List<String>> modes = new LinkedHashMap<>();
		modes.put("regular JVM mode", AOT_JVM);
		modes.put("AOT mode on the JVM (-Dspring.aot.enabled=true)", aot);
		Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
		for (int run = 0; run < settings.startupRuns(); run++) {
			modes.forEach((mode, jvm) -> {
				Map<String, String> values = Probes.run(AotStartupApplication.class, jvm);
				if (Boolean.parseBoolean(values.get("aot")) != jvm.contains("-Dspring.aot.enabled=true")) {
					throw new IllegalStateException("The " + mode + " probe ran in the wrong mode: " + values);
				}
				Map<String, List<Double>> byKey = results.computeIfAbsent(mode, (key) -> new LinkedHashMap<>());
				for (String key : List.of("refreshMillis", "runMillis", "readyMillis", "heapBytes")) {
					byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(Double.parseDouble(values.get(key)));
				}
			});
		}
		Table table = new Table("partner-apis, 5 partners, SpringApplication", "refresh ms", "SpringApplication.run ms",
				"JVM uptime when ready ms", "heap in use after GC MiB");
		results.forEach((mode, byKey) -> table.row(mode, Stats.of(byKey.get("refreshMillis")).format(0),
				Stats.of(byKey.get("runMillis")).format(0), Stats.of(byKey.get("readyMillis")).format(0),
				Stats.of(byKey.get("heapBytes").stream().map((bytes) -> bytes / 1024 / 1024).toList()).format(1)));
		return "AOT mode: the same five partners and auto-configurations in an application started by "
				+ "`SpringApplication` (`AotStartupApplication`, processed ahead of time by this module's build), "
				+ "each start a new JVM (`" + String.join(" ", AOT_JVM) + "`), with and without "
				+ "`-Dspring.aot.enabled=true`. Refresh is from the prepared context to `ContextRefreshedEvent`; "
				+ "heap is what is in use after full collections with the context running. " + settings.startupRuns()
				+ " JVMs per mode, interleaved; medians (min–max).\n\n" + table;
	}

}
