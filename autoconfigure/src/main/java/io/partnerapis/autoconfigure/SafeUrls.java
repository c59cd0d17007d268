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

/**
 * Renders URLs from the configuration for failure messages without what may be secret in
 * them: the user information before the host and the query (and fragment) are replaced by
 * an ellipsis, even where the value is not a well-formed URL.
 */
final class SafeUrls {

	private static final String HIDDEN = "…";

	private SafeUrls() {
	}

	/**
	 * Returns the given URL with its user information and query hidden.
	 * @param url the URL as configured
	 * @return the URL to show in a message
	 */
	static String describe(String url) {
		String shown = url;
		int query = indexOfAny(shown, '?', '#');
		if (query >= 0) {
			shown = shown.substring(0, query + 1) + HIDDEN;
		}
		int schemeEnd = shown.indexOf("://");
		int authorityStart = (schemeEnd >= 0) ? schemeEnd + 3 : 0;
		int authorityEnd = indexOfAny(shown.substring(authorityStart), '/', '?', '#');
		String authority = (authorityEnd >= 0) ? shown.substring(authorityStart, authorityStart + authorityEnd)
				: shown.substring(authorityStart);
		int userInfoEnd = authority.lastIndexOf('@');
		if (userInfoEnd >= 0) {
			shown = shown.substring(0, authorityStart) + HIDDEN + shown.substring(authorityStart + userInfoEnd);
		}
		return shown;
	}

	private static int indexOfAny(String value, char... characters) {
		int first = -1;
		for (char character : characters) {
			int index = value.indexOf(character);
			if (index >= 0 && (first < 0 || index < first)) {
				first = index;
			}
		}
		return first;
	}

}
