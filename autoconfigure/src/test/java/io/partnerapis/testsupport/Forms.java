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
