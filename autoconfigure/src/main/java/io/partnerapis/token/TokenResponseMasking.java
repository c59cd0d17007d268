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

package io.partnerapis.token;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Hides what a token endpoint's answer may echo before it is quoted in an error message:
 * every token-like value, any JWT or start of one (an echoed client assertion stays
 * usable), credentials after {@code Bearer} or {@code Basic}, and the client's own id and
 * secret.
 */
final class TokenResponseMasking {

	private static final String MASK = "****";

	private final @Nullable String clientId;

	private final @Nullable String clientSecret;

	TokenResponseMasking(@Nullable String clientId, @Nullable String clientSecret) {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * Masks a text taken from a token endpoint's answer.
	 * @param text the text
	 * @return the masked text
	 */
	String mask(String text) {
		String masked = Patterns.TOKEN_VALUE.matcher(text).replaceAll("$1" + MASK + "$2");
		masked = Patterns.FORM_TOKEN_VALUE.matcher(masked).replaceAll("$1" + MASK);
		masked = Patterns.CREDENTIALS.matcher(masked).replaceAll("$1 " + MASK);
		masked = Patterns.JWT.matcher(masked).replaceAll(MASK);
		if (StringUtils.hasLength(this.clientSecret)) {
			masked = masked.replace(this.clientSecret, MASK);
		}
		if (StringUtils.hasLength(this.clientId)) {
			masked = masked.replace(this.clientId, "<client-id>");
		}
		return masked;
	}

	/**
	 * The patterns, compiled when the first answer is masked rather than at start-up.
	 */
	private static final class Patterns {

		static final Pattern TOKEN_VALUE = Pattern.compile(
				"(\"(?:access_token|refresh_token|id_token|token|client_secret|client_assertion)\"\\s*:\\s*\")[^\"]*(\"?)",
				Pattern.CASE_INSENSITIVE);

		static final Pattern FORM_TOKEN_VALUE = Pattern.compile(
				"((?:access_token|refresh_token|id_token|client_secret|client_assertion)=)[^&\\s]*",
				Pattern.CASE_INSENSITIVE);

		static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*){0,2}");

		static final Pattern CREDENTIALS = Pattern.compile("\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+",
				Pattern.CASE_INSENSITIVE);

	}

}
