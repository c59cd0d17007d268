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

package io.partnerapis.sample.demo;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MissingCredentialsException}: which variables to set, and how to run
 * without them.
 */
class MissingCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingCredentialsException cause) {
		String variables = cause.getVariables()
			.entrySet()
			.stream()
			.map((entry) -> "    " + entry.getKey() + " (for '" + entry.getValue() + "')")
			.collect(Collectors.joining(System.lineSeparator()));
		String first = cause.getVariables().keySet().iterator().next();
		return new FailureAnalysis(
				"The '" + PartnerTargetsInitializer.LIVE_PROFILE
						+ "' profile calls the real partners, but these environment variables are not set:"
						+ System.lineSeparator() + variables,
				"Set each of them to the value the partner issued (for example: export " + first
						+ "=...), or run without the '" + PartnerTargetsInitializer.LIVE_PROFILE
						+ "' profile to call the local stand-ins.",
				cause);
	}

}
