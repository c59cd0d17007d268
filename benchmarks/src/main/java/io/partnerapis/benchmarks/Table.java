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
import java.util.Arrays;
import java.util.List;

/**
 * A markdown table.
 */
final class Table {

	private final List<String> headers;

	private final List<List<String>> rows = new ArrayList<>();

	/**
	 * Creates a table with the given column headers.
	 * @param headers the headers
	 */
	Table(String... headers) {
		this.headers = List.of(headers);
	}

	/**
	 * Adds a row.
	 * @param cells one cell per column
	 * @return this table
	 */
	Table row(Object... cells) {
		if (cells.length != this.headers.size()) {
			throw new IllegalArgumentException("Row has " + cells.length + " cells, table has " + this.headers.size()
					+ " columns: " + Arrays.toString(cells));
		}
		this.rows.add(Arrays.stream(cells).map(String::valueOf).toList());
		return this;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		line(text, this.headers);
		line(text, this.headers.stream().map((header) -> "---").toList());
		this.rows.forEach((row) -> line(text, row));
		return text.toString();
	}

	private static void line(StringBuilder text, List<String> cells) {
		text.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

}
