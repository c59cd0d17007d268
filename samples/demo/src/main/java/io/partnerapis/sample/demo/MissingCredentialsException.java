package io.partnerapis.sample.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown when the {@code live} profile is active but environment variables that partner
 * properties refer to are not set.
 */
public class MissingCredentialsException extends RuntimeException {

	private final Map<String, String> variables;

	/**
	 * Creates a new exception.
	 * @param variables the missing variables, each with a property that needs it
	 */
	public MissingCredentialsException(Map<String, String> variables) {
		super("The '" + PartnerTargetsInitializer.LIVE_PROFILE
				+ "' profile calls the real partners, but these environment variables are not set: "
				+ String.join(", ", variables.keySet()));
		this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
	}

	/**
	 * Returns the missing variables.
	 * @return each missing variable with a property that needs it, in configuration order
	 */
	public Map<String, String> getVariables() {
		return this.variables;
	}

}
