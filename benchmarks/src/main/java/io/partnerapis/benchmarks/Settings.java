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

/**
 * How long and how often each part of the suite measures.
 *
 * @param runs repetitions of each counting scenario
 * @param concurrency calls in flight in the throughput run
 * @param renewalLoad length of each steady-load run across token expiries
 * @param jmhForks JVMs forked per JMH benchmark
 * @param jmhWarmups JMH warm-up iterations per fork
 * @param jmhIterations JMH measured iterations per fork
 * @param jmhTime length of each JMH iteration
 * @param startupRuns JVMs started per start-up variant
 * @param memoryRuns JVMs started per memory variant and partner count
 * @param interleavedWarmupRounds unrecorded rounds of an {@link InterleavedRounds
 * interleaved run} (the hot paths over loopback, servlet side and fleet), in which the
 * contenders already take turns
 * @param interleavedRounds recorded rounds of an interleaved run
 * @param interleavedSlice length of each contender's turn in a round of an interleaved
 * run
 */
record Settings(int runs, int concurrency, Duration renewalLoad, int jmhForks, int jmhWarmups, int jmhIterations,
		Duration jmhTime, int startupRuns, int memoryRuns, int interleavedWarmupRounds, int interleavedRounds,
		Duration interleavedSlice) {

	/**
	 * Returns the settings of a full run: about twenty minutes on two cores.
	 * @return the settings
	 */
	static Settings full() {
		return new Settings(5, 16, Duration.ofSeconds(6), 2, 8, 3, Duration.ofSeconds(1), 11, 2, 50, 130,
				Duration.ofMillis(200));
	}

	/**
	 * Returns the settings of a quick run, which checks that everything works but whose
	 * numbers are rough.
	 * @return the settings
	 */
	static Settings quick() {
		return new Settings(2, 16, Duration.ofSeconds(3), 1, 1, 1, Duration.ofMillis(500), 1, 1, 1, 2,
				Duration.ofMillis(200));
	}

}
