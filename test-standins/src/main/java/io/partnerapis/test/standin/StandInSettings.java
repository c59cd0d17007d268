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

package io.partnerapis.test.standin;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a stand-in needs to know of a partner's configuration to speak its dialect: the
 * provider, the environment whose audience it expects, the credentials it accepts and how
 * the client authenticates.
 *
 * @since 0.1.0
 */
public final class StandInSettings {

	private final String partner;

	private final String provider;

	private final String environment;

	private final String clientId;

	private final @Nullable String clientSecret;

	private final @Nullable String clientAuthenticationMethod;

	private final @Nullable String assertionKey;

	private final @Nullable String assertionAudience;

	/**
	 * Creates the settings of a partner.
	 * @param partner the partner's name
	 * @param provider the provider whose dialect the stand-in speaks, such as {@code bud}
	 * or {@code generic}
	 * @param environment the partner environment, {@code production} or {@code sandbox}
	 * @param clientId the client id the stand-in accepts
	 * @param clientSecret the client secret the stand-in accepts, if clients have one
	 * @param clientAuthenticationMethod the configured client authentication method, in
	 * any spelling Spring Boot binds ({@code private-key-jwt}, {@code PRIVATE_KEY_JWT});
	 * {@code null} for the provider's
	 * @param assertionKey the configured location of the key that signs client
	 * assertions, or {@code null} to have the stand-in generate one
	 * @param assertionAudience the configured audience of client assertions, if any
	 */
	public StandInSettings(String partner, String provider, String environment, String clientId,
			@Nullable String clientSecret, @Nullable String clientAuthenticationMethod, @Nullable String assertionKey,
			@Nullable String assertionAudience) {
		this.partner = partner;
		this.provider = provider;
		this.environment = environment;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.clientAuthenticationMethod = clientAuthenticationMethod;
		this.assertionKey = assertionKey;
		this.assertionAudience = assertionAudience;
	}

	/**
	 * Returns the settings of a partner named after its provider, in production, whose
	 * client authenticates the provider's way.
	 * @param provider the provider, such as {@code bud}
	 * @param clientId the client id the stand-in accepts
	 * @param clientSecret the client secret the stand-in accepts
	 * @return the settings
	 */
	public static StandInSettings of(String provider, String clientId, String clientSecret) {
		return new StandInSettings(provider, provider, "production", clientId, clientSecret, null, null, null);
	}

	/**
	 * Returns the partner's name.
	 * @return the name
	 */
	public String partner() {
		return this.partner;
	}

	/**
	 * Returns the provider whose dialect the stand-in speaks.
	 * @return the provider
	 */
	public String provider() {
		return this.provider;
	}

	/**
	 * Returns whether the partner's sandbox is configured.
	 * @return whether the environment is {@code sandbox}
	 */
	public boolean isSandbox() {
		return "sandbox".equalsIgnoreCase(this.environment);
	}

	/**
	 * Returns the client id the stand-in accepts.
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Returns the client secret the stand-in accepts.
	 * @return the secret, or {@code null} if clients have none
	 */
	public @Nullable String clientSecret() {
		return this.clientSecret;
	}

	/**
	 * Returns the client authentication method in OAuth2's spelling.
	 * @param providerDefault the provider's method, used when none is configured
	 * @return such as {@code client_secret_basic}
	 */
	public String clientAuthenticationMethod(String providerDefault) {
		String method = this.clientAuthenticationMethod;
		return (method != null) ? method.trim().toLowerCase(Locale.ROOT).replace('-', '_') : providerDefault;
	}

	/**
	 * Returns the configured location of the key that signs client assertions.
	 * @return the location, or {@code null} to have the stand-in generate a key
	 */
	public @Nullable String assertionKey() {
		return this.assertionKey;
	}

	/**
	 * Returns the configured audience of client assertions.
	 * @return the audience, or {@code null} for the token URI
	 */
	public @Nullable String assertionAudience() {
		return this.assertionAudience;
	}

	@Override
	public String toString() {
		return "StandInSettings[partner=" + this.partner + ", provider=" + this.provider + ", environment="
				+ this.environment + ", clientId=" + this.clientId + "]";
	}

}
