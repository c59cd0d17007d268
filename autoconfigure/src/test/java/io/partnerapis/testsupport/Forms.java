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

package io.partnerapis.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the form parameters of a request body as a server would.
 */
public final class Forms {

	private Forms() {
	}

	public static Map<String, String> parse(String body) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (body.isEmpty()) {
			return parameters;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals != -1) ? pair.substring(0, equals) : pair;
			String value = (equals != -1) ? pair.substring(equals + 1) : "";
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

}
