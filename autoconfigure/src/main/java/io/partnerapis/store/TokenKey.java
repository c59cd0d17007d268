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

package io.partnerapis.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Identifies the token of one partner in a {@link PartnerTokenStore}: the partner's name
 * and a {@link #digest digest} of everything that shapes the token the partner issues, so
 * that two applications that name a partner alike share a token only if they would have
 * asked for the same one. Keys are made with a {@link #builder(String) builder}.
 *
 * @param partner the partner's name
 * @param fingerprint hex digest of what shapes the token, which reveals no credential,
 * parameter or header value
 * @since 0.2.0
 */
public record TokenKey(String partner, String fingerprint) {

	private static final int FINGERPRINT_BYTES = 16;

	/**
	 * Creates a new key.
	 */
	public TokenKey {
		Assert.hasText(partner, "'partner' must not be empty");
		Assert.hasText(fingerprint, "'fingerprint' must not be empty");
	}

	/**
	 * Creates the key of a partner's token from its token URI, client id, scopes and
	 * audience alone; the same as a {@link #builder(String) builder} given these, with
	 * the audience as the {@code audience} parameter.
	 * @param partner the partner's name
	 * @param tokenUri the token endpoint's URI
	 * @param clientId the client id, or {@code null}
	 * @param scopes the requested scopes, in any order
	 * @param audience the requested audience, or {@code null}
	 * @return the key
	 */
	public static TokenKey of(String partner, @Nullable String tokenUri, @Nullable String clientId,
			Collection<String> scopes, @Nullable String audience) {
		Builder builder = builder(partner).tokenUri(tokenUri).clientId(clientId).scopes(scopes);
		return (audience != null) ? builder.parameters(Map.of("audience", audience)).build() : builder.build();
	}

	/**
	 * Starts the key of a partner's token. Each component is added with its own method:
	 * <pre class="code">
	 * TokenKey key = TokenKey.builder("acme")
	 * 	.tokenUri("https://auth.acme.example/token")
	 * 	.clientId("my-client")
	 * 	.scopes(Set.of("read"))
	 * 	.parameters(Map.of("resource", "orders"))
	 * 	.build();
	 * </pre>
	 * @param partner the partner's name
	 * @return a builder to add what shapes the token to
	 */
	public static Builder builder(String partner) {
		return new Builder(partner);
	}

	/**
	 * Returns the digest that fingerprints are made of, of any value: the first 16 bytes
	 * of its SHA-256, in hex. Stores use it to compare token values without keeping them
	 * readable.
	 * @param value the value
	 * @return the digest
	 * @since 0.2.0
	 */
	public static String digest(String value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, FINGERPRINT_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Collects what shapes a partner's token, component by component, and digests it into
	 * a {@link TokenKey}. Components left out or empty add nothing, so a key that adds a
	 * component only where it is set keeps its fingerprint elsewhere. Maps are taken in
	 * the order of their keys, and header names without regard to case, since neither
	 * changes the request.
	 */
	public static final class Builder {

		private final String partner;

		private final Map<String, String> components = new TreeMap<>();

		private Builder(String partner) {
			this.partner = partner;
		}

		/**
		 * Adds the token endpoint's URI.
		 * @param tokenUri the URI, or {@code null}
		 * @return this builder
		 */
		public Builder tokenUri(@Nullable String tokenUri) {
			return component("token-uri", tokenUri);
		}

		/**
		 * Adds the client id.
		 * @param clientId the client id, or {@code null}
		 * @return this builder
		 */
		public Builder clientId(@Nullable String clientId) {
			return component("client-id", clientId);
		}

		/**
		 * Adds the requested scopes.
		 * @param scopes the scopes, in any order
		 * @return this builder
		 */
		public Builder scopes(Collection<String> scopes) {
			return component("scopes", String.join(" ", new TreeSet<>(scopes)));
		}

		/**
		 * Adds the parameters of every token request, values included.
		 * @param parameters the parameters by name
		 * @return this builder
		 */
		public Builder parameters(Map<String, String> parameters) {
			parameters.forEach((name, value) -> component("parameter:" + name, value));
			return this;
		}

		/**
		 * Adds the headers of every token request, values included.
		 * @param headers the headers by name
		 * @return this builder
		 */
		public Builder headers(Map<String, String> headers) {
			headers.forEach((name, value) -> component("header:" + name.toLowerCase(Locale.ROOT), value));
			return this;
		}

		/**
		 * Adds the format of the token request's body.
		 * @param requestFormat the format's name, or {@code null}
		 * @return this builder
		 */
		public Builder requestFormat(@Nullable String requestFormat) {
			return component("request-format", requestFormat);
		}

		/**
		 * Adds how the client authenticates to the token endpoint.
		 * @param method the client authentication method, such as
		 * {@code client_secret_basic}, or {@code null}
		 * @return this builder
		 */
		public Builder clientAuthentication(@Nullable String method) {
			return component("client-authentication", method);
		}

		/**
		 * Adds what identifies the client's credential beyond its id without revealing
		 * it: the key id of a signing key, or the thumbprint of a client certificate.
		 * Never key material or a secret.
		 * @param identity the key id or thumbprint, or {@code null}
		 * @return this builder
		 */
		public Builder clientIdentity(@Nullable String identity) {
			return component("client-identity", identity);
		}

		private Builder component(String name, @Nullable String value) {
			if (StringUtils.hasLength(value)) {
				this.components.put(name, value);
			}
			return this;
		}

		/**
		 * Returns the key of the token these components shape.
		 * @return the key
		 */
		public TokenKey build() {
			StringBuilder identity = new StringBuilder();
			this.components.forEach((name, value) -> identity.append(name.length())
				.append(':')
				.append(name)
				.append(value.length())
				.append(':')
				.append(value));
			return new TokenKey(this.partner, digest(identity.toString()));
		}

	}

}
