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
 * Memory: the heap each configured partner retains, from the difference between contexts
 * with few and many partners, each measured in a JVM of its own.
 */
final class MemoryScenario {

	private static final List<String> JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC");

	private static final int[] COUNTS = { 1, 50, 200 };

	private MemoryScenario() {
	}

	/**
	 * Runs the scenario and adds its section to the report.
	 * @param report the report
	 * @param settings durations and repetitions
	 */
	static void run(Report report, Settings settings) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("partner-apis", "partner-apis");
		labels.put("stock", "stock Spring Security");
		labels.put("stock-properties", "stock Spring Security, Boot's OAuth2 client properties");
		labels.put("partner-apis" + StartupProbe.JACKSON, "partner-apis, with Jackson");
		labels.put("stock" + StartupProbe.JACKSON, "stock Spring Security, with Jackson");
		labels.put("stock-properties" + StartupProbe.JACKSON,
				"stock Spring Security, Boot's OAuth2 client properties, with Jackson");
		Table table = new Table("Variant", "KiB per partner, configured (1→" + COUNTS[2] + ")",
				"KiB per partner, configured (1→" + COUNTS[1] + ")",
				"KiB per partner, after one call each (1→" + COUNTS[2] + ")",
				"MiB retained with " + COUNTS[2] + " partners, after calls");
		labels.forEach((variant, label) -> {
			List<Double> configuredSlope = new ArrayList<>();
			List<Double> configuredSlopeSmall = new ArrayList<>();
			List<Double> calledSlope = new ArrayList<>();
			List<Double> calledTotal = new ArrayList<>();
			for (int run = 0; run < settings.memoryRuns(); run++) {
				Map<Integer, Map<String, String>> byCount = new LinkedHashMap<>();
				for (int count : COUNTS) {
					byCount.put(count, Probes.run(MemoryProbe.class, JVM, variant, String.valueOf(count)));
				}
				configuredSlope.add(slope(byCount, "configuredBytes", COUNTS[0], COUNTS[2]));
				configuredSlopeSmall.add(slope(byCount, "configuredBytes", COUNTS[0], COUNTS[1]));
				calledSlope.add(slope(byCount, "calledBytes", COUNTS[0], COUNTS[2]));
				calledTotal.add(Double.parseDouble(byCount.get(COUNTS[2]).get("calledBytes")) / 1024 / 1024);
			}
			table.row(label, Stats.of(configuredSlope).format(1), Stats.of(configuredSlopeSmall).format(1),
					Stats.of(calledSlope).format(1), Stats.of(calledTotal).format(1));
		});
		report.section("7. Memory per configured partner", "Each measurement is a new JVM (`" + String.join(" ", JVM)
				+ "`) that reads the heap in use after "
				+ "full collections, configures N partners on the loopback server, reads it again, calls "
				+ "each partner once (so each holds a token) and reads it a third time. The cost per partner "
				+ "is the difference between N=" + COUNTS[2] + " (or " + COUNTS[1] + ") and N=" + COUNTS[0]
				+ ", divided by the partners added, which cancels what any application pays once (classes, "
				+ "connector, codecs). partner-apis: `partner.apis.partnerNNNN.*` properties in a context "
				+ "with the starter. Stock: one registration each in one repository, one shared "
				+ "authorized-client service and manager, one filtered WebClient bean each (registered in the context, as an "
				+ "application that injects them declares them and as part 6 does). \"Boot's OAuth2 client properties\": the same stock wiring, but the "
				+ "registrations come from `spring.security.oauth2.client.registration.*` and `provider.*` "
				+ "properties through `ReactiveOAuth2ClientAutoConfiguration`, the way Spring Boot documents "
				+ "it, so Boot's binding costs are paid as partner-apis pays them. Rows \"with Jackson\" "
				+ "add `JacksonAutoConfiguration` to the context, as in part 6. " + settings.memoryRuns()
				+ " runs per N; medians (min–max).\n\n" + table);
	}

	private static double slope(Map<Integer, Map<String, String>> byCount, String key, int from, int to) {
		double low = Double.parseDouble(byCount.get(from).get(key));
		double high = Double.parseDouble(byCount.get(to).get(key));
		return (high - low) / (to - from) / 1024;
	}

}
