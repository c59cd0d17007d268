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
