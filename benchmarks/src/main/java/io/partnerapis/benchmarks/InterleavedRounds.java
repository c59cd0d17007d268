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
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Compares contenders on a machine that other processes may share: they take turns in
 * short slices, in an order that rotates from round to round, so that a burst of load
 * from elsewhere falls on all of them alike, and each round gives one ratio per
 * contender. In {@link #run the interleaved run} they take turns from the warm-up on, so
 * that each is warmed up for as long, with the code of the others compiled beside its
 * own, and many short recorded rounds give enough ratios for their median, with its 95 %
 * confidence interval, to resolve a difference of a few per cent, which a few long slices
 * cannot.
 */
final class InterleavedRounds {

	private InterleavedRounds() {
	}

	/**
	 * Makes a first call through each contender, lets the contenders take turns for the
	 * unrecorded warm-up rounds, resets the partner's counts, then records the rounds,
	 * all as the settings say.
	 * @param contenders the contenders
	 * @param partner the partner, whose counts are reset before the recorded rounds
	 * @param settings rounds and slice length
	 * @param firstCall makes one call, which must succeed
	 * @param closedLoop measures a contender for a given time
	 * @return the results per contender, one per recorded round
	 */
	static Map<Contender, List<Load.Result>> run(List<Contender> contenders, LoopbackPartner partner, Settings settings,
			Predicate<Contender> firstCall, BiFunction<Contender, Duration, Load.Result> closedLoop) {
		for (Contender contender : contenders) {
			Scenarios.require(firstCall.test(contender), contender, "first call");
		}
		interleave(contenders, settings.interleavedWarmupRounds(), settings.interleavedSlice(), closedLoop);
		partner.resetCounts();
		return interleave(contenders, settings.interleavedRounds(), settings.interleavedSlice(), closedLoop);
	}

	/**
	 * Describes {@link #run the interleaved run} for a report.
	 * @param settings rounds and slice length
	 * @return one sentence
	 */
	static String describe(Settings settings) {
		return "The contenders take turns from the start: " + settings.interleavedWarmupRounds()
				+ " unrecorded rounds of warm-up ("
				+ Scenarios.seconds(settings.interleavedSlice().multipliedBy(settings.interleavedWarmupRounds()))
				+ " per contender), then " + settings.interleavedRounds()
				+ " recorded rounds, each contender measured for " + Scenarios.seconds(settings.interleavedSlice())
				+ " per round, the order rotating per round; ratios are taken within each round.";
	}

	/**
	 * Lets the contenders take turns, one slice each per round, in an order that rotates
	 * from round to round, so that each is as often first as last.
	 * @param contenders the contenders
	 * @param rounds how many rounds
	 * @param slice how long each contender is measured in a round
	 * @param closedLoop measures a contender for a given time
	 * @return the results per contender, one per round
	 */
	static Map<Contender, List<Load.Result>> interleave(List<Contender> contenders, int rounds, Duration slice,
			BiFunction<Contender, Duration, Load.Result> closedLoop) {
		Map<Contender, List<Load.Result>> results = new LinkedHashMap<>();
		contenders.forEach((contender) -> results.put(contender, new ArrayList<>()));
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < contenders.size(); i++) {
				Contender contender = contenders.get((i + round) % contenders.size());
				results.get(contender).add(closedLoop.apply(contender, slice));
			}
		}
		return results;
	}

	/**
	 * Returns a contender's ratio to a reference in each round.
	 * @param own the contender's results, one per round
	 * @param reference the reference's results, one per round
	 * @param measure what is compared
	 * @param inverse whether the ratio is reference ÷ contender rather than contender ÷
	 * reference
	 * @return the ratios, in round order
	 */
	static List<Double> ratioValues(List<Load.Result> own, List<Load.Result> reference,
			ToDoubleFunction<Load.Result> measure, boolean inverse) {
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < own.size(); round++) {
			double ratio = measure.applyAsDouble(own.get(round)) / measure.applyAsDouble(reference.get(round));
			ratios.add(inverse ? 1 / ratio : ratio);
		}
		return ratios;
	}

	/**
	 * Judges a contender against a target from its ratios to a reference by calls per
	 * second and by CPU time per call: whether the median ratio by calls per second
	 * reaches the target, and both medians with their 95 % confidence intervals.
	 * @param own the contender's results, one per round
	 * @param reference the reference's results, one per round
	 * @param target the least median ratio by calls per second that meets the target
	 * @return the verdict in markdown
	 */
	static String verdict(List<Load.Result> own, List<Load.Result> reference, double target) {
		List<Double> wall = ratioValues(own, reference, Load.Result::perSecond, false);
		List<Double> cpu = ratioValues(own, reference, Load.Result::cpuMicrosPerCall, true);
		double median = Stats.of(wall).median();
		return "**" + ((median >= target) ? "met" : "NOT met") + "** (median " + Stats.number(median, 3)
				+ ", 95 % confidence interval of the median " + interval(wall) + "; by CPU per call "
				+ Stats.number(Stats.of(cpu).median(), 3) + ", " + interval(cpu) + ")";
	}

	private static String interval(List<Double> ratios) {
		double[] interval = Stats.medianInterval(ratios);
		return Stats.number(interval[0], 3) + "–" + Stats.number(interval[1], 3);
	}

}
