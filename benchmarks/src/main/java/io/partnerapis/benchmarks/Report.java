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
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The markdown report of a run: each section is printed as soon as it is complete, and
 * the whole can be written to a file at the end.
 */
final class Report {

	private final StringBuilder text = new StringBuilder();

	private final PrintStream out;

	/**
	 * Creates a report that prints to the given stream.
	 * @param out where sections are printed
	 */
	Report(PrintStream out) {
		this.out = out;
	}

	/**
	 * Adds a section.
	 * @param title the heading
	 * @param body markdown under it: what was measured, then the table
	 */
	void section(String title, String body) {
		String section = "## " + title + "\n\n" + body.strip() + "\n\n";
		this.text.append(section);
		this.out.print(section);
		this.out.flush();
	}

	/**
	 * Adds markdown without a heading.
	 * @param markdown the text
	 */
	void text(String markdown) {
		this.text.append(markdown.strip()).append("\n\n");
		this.out.print(markdown.strip() + "\n\n");
		this.out.flush();
	}

	/**
	 * Writes the whole report to a file.
	 * @param file the file
	 * @param header markdown put before every section
	 * @throws IOException if the file cannot be written
	 */
	void write(Path file, String header) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, header.strip() + "\n\n" + this.text.toString().strip() + "\n");
	}

}
