package io.partnerapis.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when {@code partner.apis} configuration cannot work. Each problem
 * names the full property path and how to fix it; none holds a secret.
 *
 * @since 0.1.0
 */
public class PartnerApiConfigurationException extends RuntimeException {

	private final List<Problem> problems;

	/**
	 * Creates a new exception.
	 * @param problems what is wrong, at least one
	 */
	public PartnerApiConfigurationException(List<Problem> problems) {
		super("Invalid partner API configuration: " + problems.stream()
			.map((problem) -> "'" + problem.property() + "' " + problem.description())
			.collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Returns what is wrong.
	 * @return the problems, in configuration order
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One thing wrong with one property.
	 *
	 * @param property the full property path, such as
	 * {@code partner.apis.bemobi.token-uri}
	 * @param description what is wrong with it
	 * @param action how to fix it
	 */
	public record Problem(String property, String description, String action) {
	}

}
