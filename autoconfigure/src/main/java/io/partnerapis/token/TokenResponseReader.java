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

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerapis.PartnerTokenException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.StringUtils;

/**
 * Turns a token endpoint's answer into an {@link OAuth2AccessTokenResponse} or a
 * {@link PartnerTokenException} that says why not: lenient where partners differ (a
 * wrapper object, {@code bearer} in any case or absent, {@code expires_in} as a string or
 * absent, a byte-order mark), strict where it matters (no access token, another type, an
 * {@code expires_in} outside one second to a year). Parsing is Boot's {@link JsonParser}
 * and Security's {@link DefaultMapOAuth2AccessTokenResponseConverter}; what an error
 * message quotes is masked by {@link TokenResponseMasking}.
 */
final class TokenResponseReader {

	private static final long MAX_EXPIRES_IN_SECONDS = Duration.ofDays(366).toSeconds();

	private static final int EXCERPT_LENGTH = 200;

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private static final int SHAPE_DEPTH = 3;

	private final TokenEndpoint endpoint;

	private final TokenResponseMasking masking;

	TokenResponseReader(TokenEndpoint endpoint, @Nullable String clientId, @Nullable String clientSecret) {
		this.endpoint = endpoint;
		this.masking = new TokenResponseMasking(clientId, clientSecret);
	}

	OAuth2AccessTokenResponse read(int status, String body) {
		return read(status, body, null);
	}

	/**
	 * Reads an answer of the token endpoint.
	 * @param status the HTTP status
	 * @param rawBody the body, decoded as UTF-8
	 * @param retryAfter the answer's {@code Retry-After} header, or {@code null}
	 * @return the token response
	 * @throws PartnerTokenException if the answer is an error or not a usable token
	 * response
	 */
	OAuth2AccessTokenResponse read(int status, String rawBody, @Nullable String retryAfter) {
		String body = (rawBody.startsWith(BYTE_ORDER_MARK)) ? rawBody.substring(1) : rawBody;
		if (status < 200 || status >= 300) {
			throw errorResponse(status, body, retryAfter);
		}
		Map<String, Object> fields = tokenFields(status, body);
		Object accessToken = fields.get(OAuth2ParameterNames.ACCESS_TOKEN);
		if (!(accessToken instanceof String value) || !StringUtils.hasText(value)) {
			throw invalid(status, body,
					"it has no '" + OAuth2ParameterNames.ACCESS_TOKEN + "'" + (this.endpoint.response().path().isEmpty()
							? "" : " inside '" + String.join(".", this.endpoint.response().path()) + "'"));
		}
		Map<String, Object> normalised = new LinkedHashMap<>(fields);
		normalised.put(OAuth2ParameterNames.TOKEN_TYPE, tokenType(status, body, fields));
		normalised.put(OAuth2ParameterNames.EXPIRES_IN, expiresIn(status, body, fields));
		return Parsing.CONVERTER.convert(normalised);
	}

	private Map<String, Object> tokenFields(int status, String body) {
		Map<String, Object> map = parse(body);
		if (map == null) {
			throw invalid(status, body, "it is not a JSON object");
		}
		for (String name : this.endpoint.response().path()) {
			Object nested = map.get(name);
			if (!(nested instanceof Map<?, ?> object)) {
				throw invalid(status, body, "it has no '" + name + "' object");
			}
			map = stringKeys(object);
		}
		return map;
	}

	private String tokenType(int status, String body, Map<String, Object> fields) {
		Object type = fields.get(OAuth2ParameterNames.TOKEN_TYPE);
		if (type == null || OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(type.toString())) {
			return OAuth2AccessToken.TokenType.BEARER.getValue();
		}
		throw invalid(status, body, "its token_type is not 'Bearer', the only type this client can send");
	}

	private long expiresIn(int status, String body, Map<String, Object> fields) {
		Object value = fields.get(OAuth2ParameterNames.EXPIRES_IN);
		if (value == null) {
			return Math.max(1, this.endpoint.response().defaultLifetime().toSeconds());
		}
		long seconds;
		try {
			seconds = (value instanceof Number number && number.doubleValue() == number.longValue())
					? number.longValue() : Long.parseLong(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw invalid(status, body, "its expires_in is not a number of seconds");
		}
		if (seconds <= 0 || seconds > MAX_EXPIRES_IN_SECONDS) {
			throw invalid(status, body, "its expires_in is outside 1.." + MAX_EXPIRES_IN_SECONDS + " seconds");
		}
		return seconds;
	}

	private PartnerTokenException errorResponse(int status, String body, @Nullable String retryAfter) {
		Map<String, Object> map = parse(body);
		String code = (map != null) ? text(map.get(OAuth2ParameterNames.ERROR)) : null;
		String description = (map != null) ? text(map.get(OAuth2ParameterNames.ERROR_DESCRIPTION)) : null;
		String errorCode = (code != null) ? excerpt(this.masking.mask(code), 60) : "http_" + status;
		String detail = (description != null) ? excerpt(this.masking.mask(description), 200) : null;
		StringBuilder message = new StringBuilder(prefix(status));
		if (code != null) {
			message.append(", error '").append(errorCode).append("'");
		}
		if (detail != null) {
			message.append(" (").append(detail).append(")");
		}
		message.append(bodyExcerpt(body));
		Duration delay = (status == 429 || status == 503) ? retryAfter(retryAfter) : null;
		if (delay != null) {
			message.append("; it asked not to be asked again for ").append(delay);
		}
		return new PartnerTokenException(this.endpoint.partner(), status, new OAuth2Error(errorCode, detail, null),
				message.toString(), null, delay);
	}

	/**
	 * Reports a 2xx answer that is not a usable token response, describing its body by
	 * its field names only: it may hold a live token under a name unknown here.
	 * @param status the HTTP status of the answer
	 * @param body the answer's body, described by its shape only
	 * @param reason why the body is not a usable token response
	 * @return the exception to signal
	 */
	private PartnerTokenException invalid(int status, String body, String reason) {
		return new PartnerTokenException(this.endpoint.partner(), status,
				new OAuth2Error(PartnerTokenException.INVALID_TOKEN_RESPONSE, "Unusable token response", null),
				prefix(status) + " but the response is not a usable token response: " + reason + bodyShape(body), null);
	}

	private String bodyShape(String body) {
		if (!StringUtils.hasText(body)) {
			return "; the body was empty";
		}
		Map<String, Object> map = parse(body);
		if (map == null) {
			return "; the body (" + body.length() + " characters) is not a JSON object";
		}
		StringBuilder shape = new StringBuilder("; its JSON fields: ");
		describeShape(map, shape, 1);
		return shape.toString();
	}

	private static void describeShape(Map<?, ?> map, StringBuilder shape, int depth) {
		shape.append('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			shape.append(first ? "" : ", ").append(excerpt(String.valueOf(entry.getKey()), 40));
			first = false;
			if (entry.getValue() instanceof Map<?, ?> nested) {
				if (depth < SHAPE_DEPTH) {
					describeShape(nested, shape, depth + 1);
				}
				else {
					shape.append("{...}");
				}
			}
		}
		shape.append('}');
	}

	/**
	 * Reads a {@code Retry-After} header: a number of seconds or an HTTP date (RFC 9110
	 * section 10.2.3).
	 * @param header the header's value, or {@code null} when the answer has none
	 * @return how long to wait, never negative, or {@code null} if absent or unreadable
	 */
	static @Nullable Duration retryAfter(@Nullable String header) {
		if (!StringUtils.hasText(header)) {
			return null;
		}
		String value = header.strip();
		try {
			if (value.chars().allMatch(Character::isDigit)) {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			Duration until = Duration.between(Instant.now(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return until.isNegative() ? Duration.ZERO : until;
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return null;
		}
	}

	private String prefix(int status) {
		return "Token request for partner '" + this.endpoint.partner() + "' answered HTTP " + status;
	}

	private String bodyExcerpt(String body) {
		if (!StringUtils.hasText(body)) {
			return "; the body was empty";
		}
		return "; body: " + excerpt(this.masking.mask(body.strip()), EXCERPT_LENGTH);
	}

	private static String excerpt(String text, int length) {
		String singleLine = text.replaceAll("\\s+", " ");
		return (singleLine.length() <= length) ? singleLine : singleLine.substring(0, length) + "...";
	}

	private @Nullable Map<String, Object> parse(String body) {
		String trimmed = body.strip();
		if (!trimmed.startsWith("{")) {
			return null;
		}
		try {
			return Parsing.JSON.parseMap(trimmed);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value != null && StringUtils.hasText(value.toString())) ? value.toString() : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stringKeys(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	/**
	 * What reading takes: set up with the first answer, not at start-up.
	 */
	private static final class Parsing {

		static final JsonParser JSON = JsonParserFactory.getJsonParser();

		static final DefaultMapOAuth2AccessTokenResponseConverter CONVERTER = new DefaultMapOAuth2AccessTokenResponseConverter();

	}

}
