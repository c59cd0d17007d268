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
