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

package io.partnerapis;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the JDK's {@code jdeps} on the jar the build packaged and checks that its packages
 * form no cycle: the same promise as {@link ArchitectureTests}, read from the artifact
 * users receive rather than from the test class path. Run by Failsafe after
 * {@code package}.
 */
class PackageCyclesIntegrationTests {

	private static final Pattern EDGE = Pattern
		.compile("^\\s+(io\\.partnerapis[\\w.]*)\\s+->\\s+(io\\.partnerapis[\\w.]*)\\s");

	@Test
	void packagedJarHasNoPackageCycle() {
		Path jar = Path.of(System.getProperty("partnerapis.jar", "target/missing.jar"));
		assertThat(jar).as("the jar the build packaged").isRegularFile();
		Map<String, Set<String>> graph = packageGraph(jar);
		assertThat(graph).as("packages jdeps found in %s", jar).containsKeys("io.partnerapis", "io.partnerapis.token");
		assertThat(packagesOnCycles(graph)).isEmpty();
	}

	@Test
	void cycleIsFoundWhereThereIsOne() {
		Map<String, Set<String>> graph = new TreeMap<>();
		graph.put("a", Set.of("b"));
		graph.put("b", Set.of("c"));
		graph.put("c", Set.of("a", "d"));
		graph.put("d", Set.of());
		assertThat(packagesOnCycles(graph)).containsExactly("a", "b", "c");
	}

	private static Map<String, Set<String>> packageGraph(Path jar) {
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
				jar.toString());
		assertThat(exit).as("jdeps exit code; its errors: %s", err).isZero();
		Map<String, Set<String>> graph = new TreeMap<>();
		for (String line : out.toString().lines().toList()) {
			Matcher edge = EDGE.matcher(line);
			if (edge.find()) {
				graph.computeIfAbsent(edge.group(1), (name) -> new TreeSet<>());
				graph.computeIfAbsent(edge.group(2), (name) -> new TreeSet<>());
				if (!edge.group(1).equals(edge.group(2))) {
					graph.get(edge.group(1)).add(edge.group(2));
				}
			}
		}
		return graph;
	}

	/**
	 * Returns the packages that reach themselves through their dependencies: every
	 * package on a cycle, none otherwise.
	 */
	private static Set<String> packagesOnCycles(Map<String, Set<String>> graph) {
		Set<String> onCycles = new TreeSet<>();
		for (String start : graph.keySet()) {
			Deque<String> pending = new ArrayDeque<>(graph.get(start));
			Set<String> reached = new HashSet<>();
			while (!pending.isEmpty()) {
				String next = pending.pop();
				if (reached.add(next)) {
					pending.addAll(graph.getOrDefault(next, Set.of()));
				}
			}
			if (reached.contains(start)) {
				onCycles.add(start);
			}
		}
		return onCycles;
	}

}
