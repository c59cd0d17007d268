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

package io.partnerapis.autoconfigure;

import java.util.stream.Collectors;

import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link PartnerApiConfigurationException}: one line per bad property, with
 * the action that fixes each, or, for a token store that cannot be created, what it lacks
 * and the dependency or property that fixes it.
 */
class PartnerApiConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PartnerApiConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PartnerApiConfigurationException cause) {
		if (cause.isTokenStoreUnavailable()) {
			Problem problem = cause.getProblems().get(0);
			return new FailureAnalysis("The partner token store cannot be created: " + problem.description(),
					problem.action(), cause);
		}
		String description = cause.getProblems()
			.stream()
			.map((problem) -> "    " + problem.property() + ": " + problem.description())
			.collect(Collectors.joining("\n", "The partner API configuration is invalid:\n", ""));
		String action = cause.getProblems()
			.stream()
			.map(Problem::action)
			.distinct()
			.map((line) -> "    " + line)
			.collect(Collectors.joining("\n", "Update your application's configuration:\n", ""));
		return new FailureAnalysis(description, action, cause);
	}

}
