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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Helpers the scenarios share.
 */
final class Scenarios {

	private Scenarios() {
	}

	/**
	 * Fails the run when a step that must succeed did not.
	 * @param ok whether the step succeeded
	 * @param contender the contender
	 * @param step what the step was
	 */
	static void require(boolean ok, Contender contender, String step) {
		if (!ok) {
			throw new IllegalStateException(contender.name() + ": " + step + " failed");
		}
	}

	/**
	 * Formats a duration in seconds, such as {@code 2 s} or {@code 0.5 s}.
	 * @param duration the duration
	 * @return the text
	 */
	static String seconds(Duration duration) {
		double seconds = duration.toMillis() / 1000.0;
		return ((seconds == Math.rint(seconds)) ? String.valueOf((long) seconds)
				: String.format(Locale.ROOT, "%.1f", seconds)) + " s";
	}

	/**
	 * Runs a measurement for each contender and each run, with a fresh contender every
	 * time, and collects the results per contender name in order.
	 * @param <T> the type of one measurement
	 * @param runs how many measured runs
	 * @param warmup whether one unrecorded run of each contender comes first, so that the
	 * measured runs find the JVM's code compiled
	 * @param factories how each contender is built
	 * @param partner the partner every contender calls
	 * @param measurement the measurement of one fresh contender
	 * @return the results by contender name
	 */
	static <T> Map<String, List<T>> repeat(int runs, boolean warmup,
			List<Function<LoopbackPartner, Contender>> factories, LoopbackPartner partner,
			Function<Contender, T> measurement) {
		Map<String, List<T>> results = new LinkedHashMap<>();
		for (int run = warmup ? -1 : 0; run < runs; run++) {
			for (Function<LoopbackPartner, Contender> factory : factories) {
				try (Contender contender = factory.apply(partner)) {
					T result = measurement.apply(contender);
					if (run >= 0) {
						results.computeIfAbsent(contender.name(), (name) -> new ArrayList<>()).add(result);
					}
				}
			}
		}
		return results;
	}

	/**
	 * Summarises one number of each measurement.
	 * @param <T> the type of one measurement
	 * @param measurements the measurements
	 * @param number the number to take from each
	 * @return the summary
	 */
	static <T> Stats stats(List<T> measurements, Function<T, ? extends Number> number) {
		return Stats.of(measurements.stream().map(number).toList());
	}

}
