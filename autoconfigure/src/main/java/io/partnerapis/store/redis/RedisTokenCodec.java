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

package io.partnerapis.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.util.StringUtils;

/**
 * Writes a token as the value Redis keeps and reads it back: a digest of the access token
 * (so that a rejected token can be removed by comparing digests), the id of the key that
 * encrypted it ({@code clear} for none) and the token's fields, encrypted with
 * AES-256-GCM when a {@link TokenEncryption} is given, base64 in clear otherwise. An
 * instance reads only what one of its own keys wrote, or without a key only what is in
 * clear; any other value reads as nothing.
 */
final class RedisTokenCodec {

	static final String CLEAR = "clear";

	private static final Log logger = LogFactory.getLog(RedisTokenCodec.class);

	private final @Nullable TokenEncryption encryption;

	private final List<String> readableIds;

	RedisTokenCodec(@Nullable TokenEncryption encryption) {
		this.encryption = encryption;
		this.readableIds = (encryption != null) ? encryption.keyIds() : List.of(CLEAR);
	}

	/**
	 * Returns the key ids of the values this codec reads: its encryption's current and
	 * previous keys, or {@code clear}.
	 * @return the key ids
	 */
	List<String> readableIds() {
		return this.readableIds;
	}

	boolean encrypts() {
		return this.encryption != null;
	}

	/**
	 * Returns the digest a value starts with, of an access token's value.
	 * @param tokenValue the access token's value
	 * @return the digest
	 */
	static String digest(String tokenValue) {
		return TokenKey.digest(tokenValue);
	}

	/**
	 * Writes a token as a value.
	 * @param redisKey the Redis key the value goes to, which encryption binds it to
	 * @param token the token
	 * @return the value
	 */
	String encode(String redisKey, StoredToken token) {
		String payload = payload(token);
		String digest = digest(token.accessToken().getTokenValue());
		if (this.encryption == null) {
			return digest + " " + CLEAR + " " + payload;
		}
		return digest + " " + this.encryption.keyId() + " " + this.encryption.encrypt(payload, redisKey);
	}

	/**
	 * Returns the key id of a value in this codec's format that it cannot read, because
	 * another key (or none) wrote it.
	 * @param value the value
	 * @return the key id, or {@code null} when this codec reads the value or it is not in
	 * this format
	 */
	@Nullable String foreignKeyId(String value) {
		String[] parts = value.split(" ", 3);
		return (parts.length == 3 && !this.readableIds.contains(parts[1])) ? parts[1] : null;
	}

	/**
	 * Reads a value.
	 * @param redisKey the Redis key the value was read from
	 * @param value the value
	 * @return the token, or {@code null} when the value is not in this format, another
	 * key wrote it, or its ciphertext does not authenticate
	 */
	@Nullable StoredToken decode(String redisKey, String value) {
		String[] parts = value.split(" ", 3);
		if (parts.length != 3 || !this.readableIds.contains(parts[1])) {
			return unreadable(redisKey, (parts.length != 3) ? "it is not in this store's format"
					: "it was written with key id " + parts[1]);
		}
		String payload = (this.encryption != null) ? this.encryption.decrypt(parts[1], parts[2], redisKey) : parts[2];
		if (payload == null) {
			return unreadable(redisKey, "its ciphertext does not authenticate");
		}
		try {
			return token(payload);
		}
		catch (RuntimeException ex) {
			return unreadable(redisKey, "it is not in this store's format");
		}
	}

	private static @Nullable StoredToken unreadable(String redisKey, String why) {
		logger.debug("Ignoring the token stored under '" + redisKey + "': " + why);
		return null;
	}

	/**
	 * Writes a token as lines: format version, access token value (base64), type, issue
	 * and expiry instants (epoch milliseconds), scopes, and the refresh token's value,
	 * issue and expiry instants.
	 * @param stored the token to write
	 * @return the value to encrypt and store
	 */
	private static String payload(StoredToken stored) {
		OAuth2AccessToken access = stored.accessToken();
		OAuth2RefreshToken refresh = stored.refreshToken();
		return String.join("\n", "1", base64(access.getTokenValue()), access.getTokenType().getValue(),
				millis(access.getIssuedAt()), millis(access.getExpiresAt()), String.join(" ", access.getScopes()),
				(refresh != null) ? base64(refresh.getTokenValue()) : "",
				(refresh != null) ? millis(refresh.getIssuedAt()) : "",
				(refresh != null) ? millis(refresh.getExpiresAt()) : "");
	}

	private static StoredToken token(String payload) {
		String[] lines = payload.split("\n", -1);
		if (lines.length != 9 || !"1".equals(lines[0])) {
			throw new IllegalArgumentException("Unknown token format");
		}
		OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(lines[2])
				? OAuth2AccessToken.TokenType.BEARER : OAuth2AccessToken.TokenType.DPOP;
		Set<String> scopes = StringUtils.hasLength(lines[5]) ? new LinkedHashSet<>(List.of(lines[5].split(" ")))
				: Set.of();
		OAuth2AccessToken access = new OAuth2AccessToken(type, unbase64(lines[1]), instant(lines[3]), instant(lines[4]),
				scopes);
		OAuth2RefreshToken refresh = lines[6].isEmpty() ? null
				: new OAuth2RefreshToken(unbase64(lines[6]), instant(lines[7]), instant(lines[8]));
		return new StoredToken(access, refresh);
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String unbase64(String text) {
		return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
	}

	private static String millis(@Nullable Instant instant) {
		return (instant != null) ? Long.toString(instant.toEpochMilli()) : "";
	}

	private static @Nullable Instant instant(String millis) {
		return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

	@Override
	public String toString() {
		return "RedisTokenCodec[readableIds=" + this.readableIds + "]";
	}

}
