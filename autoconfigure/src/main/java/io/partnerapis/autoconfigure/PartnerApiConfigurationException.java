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

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when the {@code partner.*} configuration cannot work: a bad
 * {@code partner.apis} value, or a token store that cannot be created. Each problem names
 * the full property path and how to fix it; none holds a secret.
 *
 * @since 0.1.0
 */
public class PartnerApiConfigurationException extends RuntimeException {

	private final List<Problem> problems;

	private final boolean tokenStore;

	/**
	 * Creates a new exception.
	 * @param problems what is wrong, at least one
	 */
	public PartnerApiConfigurationException(List<Problem> problems) {
		this("Invalid partner API configuration: " + problems.stream()
			.map((problem) -> "'" + problem.property() + "' " + problem.description())
			.collect(Collectors.joining("; ")), problems, false);
	}

	private PartnerApiConfigurationException(String message, List<Problem> problems, boolean tokenStore) {
		super(message);
		this.problems = List.copyOf(problems);
		this.tokenStore = tokenStore;
	}

	/**
	 * Creates the exception that says the configured token store cannot be created, such
	 * as {@code partner.token-store.type: redis} without Spring Data Redis.
	 * @param property the property that asks for the store
	 * @param description what is missing, naming the property
	 * @param action how to fix it
	 * @return the exception
	 * @since 0.3.0
	 */
	public static PartnerApiConfigurationException tokenStoreUnavailable(String property, String description,
			String action) {
		return new PartnerApiConfigurationException(description, List.of(new Problem(property, description, action)),
				true);
	}

	/**
	 * Returns what is wrong.
	 * @return the problems, in configuration order
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * Returns whether the problem is a token store that cannot be created.
	 * @return whether the token store is unavailable
	 * @since 0.3.0
	 */
	public boolean isTokenStoreUnavailable() {
		return this.tokenStore;
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
