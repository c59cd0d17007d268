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
