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

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Median and spread of repeated measurements.
 *
 * @param median the median
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
record Stats(double median, double min, double max, int count) {

	/**
	 * Summarises values.
	 * @param values the values, at least one
	 * @return the summary
	 */
	static Stats of(List<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
		}
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
	}

	/**
	 * Summarises values.
	 * @param values the values, at least one
	 * @return the summary
	 */
	static Stats of(double... values) {
		return of(Arrays.stream(values).boxed().toList());
	}

	/**
	 * Returns an interval that holds the true median with about 95 % confidence, whatever
	 * the distribution: the order statistics about {@code 1.96 √n / 2} places either side
	 * of the middle (the binomial sign-test interval).
	 * @param values the values, at least six for a meaningful interval
	 * @return the lower and upper bound
	 */
	static double[] medianInterval(List<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		int n = sorted.length;
		double half = 0.98 * Math.sqrt(n);
		int lower = Math.max(0, (int) Math.floor(n / 2.0 - half) - 1);
		int upper = Math.min(n - 1, (int) Math.ceil(n / 2.0 + half));
		return new double[] { sorted[lower], sorted[upper] };
	}

	/**
	 * Returns these statistics in another unit.
	 * @param factor what every value is multiplied by, positive
	 * @return the statistics scaled
	 */
	Stats times(double factor) {
		return new Stats(this.median * factor, this.min * factor, this.max * factor, this.count);
	}

	/**
	 * Formats the median with the spread, such as {@code 12.3 (11.9–12.8)}; the spread is
	 * left out when every value is the same.
	 * @param decimals digits after the point
	 * @return the text
	 */
	String format(int decimals) {
		String median = number(this.median, decimals);
		if (this.count < 2 || number(this.min, decimals).equals(number(this.max, decimals))) {
			return median;
		}
		return median + " (" + number(this.min, decimals) + "–" + number(this.max, decimals) + ")";
	}

	/**
	 * Formats a number with a fixed number of decimals.
	 * @param value the number
	 * @param decimals digits after the point
	 * @return the text
	 */
	static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

}
