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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe, a {@code main} of this module, in a JVM of its own, so that what it
 * measures starts from nothing: no loaded classes, no warm caches, no other heap. Probes
 * print their results as {@code key=value} lines.
 */
final class Probes {

	private static final long TIMEOUT_SECONDS = 180;

	private Probes() {
	}

	/**
	 * Runs a probe and returns what it printed.
	 * @param main the probe's main class
	 * @param jvmArguments arguments for the JVM
	 * @param arguments arguments for the probe
	 * @return the probe's {@code key=value} lines
	 */
	static Map<String, String> run(Class<?> main, List<String> jvmArguments, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArguments);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			Map<String, String> values = new LinkedHashMap<>();
			List<String> other = new ArrayList<>();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					int equals = line.indexOf('=');
					if (line.startsWith("probe.") && equals > 0) {
						values.put(line.substring("probe.".length(), equals), line.substring(equals + 1));
					}
					else {
						other.add(line);
					}
				}
			}
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(main.getSimpleName() + " did not finish");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", arguments)
						+ " failed with exit code " + process.exitValue() + ":\n" + String.join("\n", other));
			}
			return values;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + main.getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + main.getSimpleName() + " ran", ex);
		}
	}

	/**
	 * Prints one result of a probe.
	 * @param key the result's name
	 * @param value its value
	 */
	static void print(String key, Object value) {
		System.out.println("probe." + key + "=" + value);
	}

}
