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

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs the benchmark suite and prints one markdown table per scenario: the JMH hot path,
 * then the loopback scenarios, then start-up and memory in JVMs of their own.
 *
 * <p>
 * Arguments: {@code --quick} for short, rough runs; {@code --only=a,b} for some parts
 * only ({@value #PART_NAMES}); {@code --results=FILE} to also write the report, with the
 * machine it ran on, to a file.
 */
public final class BenchmarkSuite {

	private static final String PART_NAMES = "jmh, throughput, cold-start, revocation, storm, renewal, "
			+ "servlet-throughput, servlet-cold-start, servlet-revocation, servlet-jmh, startup, memory, fleet, "
			+ "fleet-hot-path, assertion-jmh";

	private static final double QUIET_CORES = 0.25;

	private BenchmarkSuite() {
	}

	/**
	 * Runs the suite.
	 * @param args see the class description
	 * @throws Exception if a part fails
	 */
	public static void main(String[] args) throws Exception {
		Settings settings = Settings.full();
		Set<String> only = new LinkedHashSet<>();
		Path results = null;
		for (String arg : args) {
			if (arg.equals("--quick")) {
				settings = Settings.quick();
			}
			else if (arg.startsWith("--only=")) {
				only.addAll(List.of(arg.substring("--only=".length()).split(",")));
			}
			else if (arg.startsWith("--results=")) {
				results = Path.of(arg.substring("--results=".length()));
			}
			else {
				System.err.println("Usage: java -jar benchmarks.jar [--quick] [--only=" + PART_NAMES.replace(", ", ",")
						+ "] [--results=FILE]");
				System.exit(arg.equals("--help") ? 0 : 2);
			}
		}
		Map<String, BiConsumer<Report, Settings>> parts = parts();
		if (!parts.keySet().containsAll(only)) {
			throw new IllegalArgumentException("Unknown part in " + only + "; parts are " + PART_NAMES);
		}
		Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String loadBefore = Machine.loadAverage();
		Machine.CpuSample cpuBefore = Machine.sampleCpu();
		Report report = new Report(System.out);
		String machine = machine(started, settings);
		System.out.println(machine + "\n");
		for (Map.Entry<String, BiConsumer<Report, Settings>> part : parts.entrySet()) {
			if (only.isEmpty() || only.contains(part.getKey())) {
				long start = System.nanoTime();
				System.err.println("[benchmarks] " + part.getKey() + " ...");
				part.getValue().accept(report, settings);
				System.err.println("[benchmarks] " + part.getKey() + " took "
						+ Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
			}
		}
		Machine.CpuSample cpuAfter = Machine.sampleCpu();
		double others = cpuAfter.otherCoresSince(cpuBefore);
		report.section("Load during the run",
				"- Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + Machine.loadAverage()
						+ " (after includes this run's own load)\n- CPU used by other processes while it ran: "
						+ cpuAfter.othersSince(cpuBefore) + "\n- Verdict: "
						+ ((others < QUIET_CORES) ? "quiet enough"
								: "**not quiet**: other builds shared the cores, so absolute numbers are low and "
										+ "spreads wide; ratios between contenders run side by side hold better")
						+ "\n- Took " + Duration.between(started, Instant.now()).toSeconds() + " s");
		if (results != null) {
			report.write(results, "# Benchmark results\n\nWritten by `java -jar benchmarks/target/benchmarks.jar"
					+ " --results=benchmarks/RESULTS.md`; see [README.md](README.md) for what each part measures and "
					+ "how to run it.\n\n" + machine);
			System.err.println("[benchmarks] wrote " + results);
		}
	}

	private static Map<String, BiConsumer<Report, Settings>> parts() {
		Map<String, BiConsumer<Report, Settings>> parts = new LinkedHashMap<>();
		parts.put("jmh", (report, settings) -> JmhRun.run(report, settings, jmhLog("jmh.log")));
		parts.put("throughput", ThroughputScenario::run);
		parts.put("cold-start", ColdStartScenario::run);
		parts.put("revocation", RevocationScenario::run);
		parts.put("storm", UnauthorizedStormScenario::run);
		parts.put("renewal", RenewalScenario::run);
		parts.put("servlet-throughput", ServletScenarios::throughput);
		parts.put("servlet-cold-start", ServletScenarios::coldHerd);
		parts.put("servlet-revocation", ServletScenarios::revocation);
		parts.put("servlet-jmh", (report, settings) -> JmhRun.servlet(report, settings, jmhLog("jmh-servlet.log")));
		parts.put("startup", StartupScenario::run);
		parts.put("memory", MemoryScenario::run);
		parts.put("fleet", FleetScenario::run);
		parts.put("fleet-hot-path", FleetScenario::hotPath);
		parts.put("assertion-jmh",
				(report, settings) -> JmhRun.assertion(report, settings, jmhLog("jmh-assertion.log")));
		return parts;
	}

	/**
	 * Returns where JMH's own output goes: beside the benchmarks jar, whatever the
	 * working directory.
	 * @param name the log file's name
	 * @return the log file's path
	 */
	private static Path jmhLog(String name) {
		Path first = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]).toAbsolutePath();
		Path directory = first.toString().endsWith(".jar") ? first.getParent() : first;
		return directory.resolve(name);
	}

	private static String machine(Instant started, Settings settings) {
		return "## Machine\n\n- CPU: " + Machine.cpuModel() + ", " + Machine.processors()
				+ " processors (`nproc`)\n- Memory: " + Machine.memory() + "\n- Java: " + Machine.java() + "\n- OS: "
				+ Machine.os() + "\n- Started: " + started + (settings.equals(Settings.quick()) ? " (quick run)" : "");
	}

}
