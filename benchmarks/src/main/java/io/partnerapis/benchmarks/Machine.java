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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Facts about the machine a run happens on, and how busy other processes kept it. Reads
 * Linux's {@code /proc}; elsewhere the facts read {@code unknown}.
 */
final class Machine {

	private static final double TICKS_PER_SECOND = 100;

	private Machine() {
	}

	/**
	 * Returns the CPU model, as {@code /proc/cpuinfo} names it.
	 * @return the model
	 */
	static String cpuModel() {
		return lines("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown");
	}

	/**
	 * Returns the number of processors the JVM may use, which is what {@code nproc} says.
	 * @return the count
	 */
	static int processors() {
		return Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Returns the machine's memory.
	 * @return the memory, such as {@code 23.4 GiB}
	 */
	static String memory() {
		return lines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.map((kib) -> String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0))
			.findFirst()
			.orElse("unknown");
	}

	/**
	 * Returns what {@code java -version} says of the running JVM.
	 * @return the JVM's name, vendor and version
	 */
	static String java() {
		return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vm.vendor") + ")";
	}

	/**
	 * Returns the operating system.
	 * @return its name, version and architecture
	 */
	static String os() {
		return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch");
	}

	/**
	 * Returns the load averages over 1, 5 and 15 minutes, as {@code uptime} shows them.
	 * @return the load averages
	 */
	static String loadAverage() {
		List<String> lines = lines("/proc/loadavg");
		if (lines.isEmpty()) {
			return "unknown";
		}
		String[] fields = lines.get(0).split("\\s+");
		return fields[0] + ", " + fields[1] + ", " + fields[2];
	}

	/**
	 * Reads the CPU time spent so far by the whole machine and by this JVM with the
	 * processes it started and waited for.
	 * @return the sample
	 */
	static CpuSample sampleCpu() {
		List<String> stat = lines("/proc/stat");
		List<String> self = lines("/proc/self/stat");
		if (stat.isEmpty() || self.isEmpty()) {
			return new CpuSample(System.nanoTime(), -1, -1, -1);
		}
		String[] cpu = stat.get(0).trim().split("\\s+");
		long busy = 0;
		for (int field : new int[] { 1, 2, 3, 6, 7 }) {
			busy += Long.parseLong(cpu[field]);
		}
		long steal = (cpu.length > 8) ? Long.parseLong(cpu[8]) : 0;
		String selfStat = self.get(0);
		String[] fields = selfStat.substring(selfStat.lastIndexOf(')') + 2).split("\\s+");
		long own = 0;
		for (int field = 11; field <= 14; field++) {
			own += Long.parseLong(fields[field]);
		}
		return new CpuSample(System.nanoTime(), busy, own, steal);
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	/**
	 * CPU time counters at one moment, in clock ticks.
	 *
	 * @param nanoTime when the sample was taken
	 * @param busyTicks time all processors spent busy
	 * @param ownTicks time this JVM and its waited-for children spent
	 * @param stealTicks time the hypervisor gave to other machines
	 */
	record CpuSample(long nanoTime, long busyTicks, long ownTicks, long stealTicks) {

		/**
		 * Describes the CPU time that processes other than this run used since an earlier
		 * sample.
		 * @param before the earlier sample
		 * @return the description
		 */
		String othersSince(CpuSample before) {
			if (this.busyTicks < 0) {
				return "unknown";
			}
			double wall = (this.nanoTime - before.nanoTime) / 1e9;
			double others = Math.max(0,
					((this.busyTicks - before.busyTicks) - (this.ownTicks - before.ownTicks)) / TICKS_PER_SECOND);
			double steal = (this.stealTicks - before.stealTicks) / TICKS_PER_SECOND;
			return String.format(Locale.ROOT,
					"%.0f CPU-seconds over %.0f s of wall time (%.2f of %d cores on average); steal %.0f CPU-seconds",
					others, wall, others / wall, processors(), steal);
		}

		/**
		 * Returns the average number of cores other processes kept busy since an earlier
		 * sample.
		 * @param before the earlier sample
		 * @return the average, or 0 when unknown
		 */
		double otherCoresSince(CpuSample before) {
			if (this.busyTicks < 0) {
				return 0;
			}
			double wall = (this.nanoTime - before.nanoTime) / 1e9;
			return Math.max(0, ((this.busyTicks - before.busyTicks) - (this.ownTicks - before.ownTicks))
					/ TICKS_PER_SECOND / wall);
		}

	}

}
