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

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.partnerapis.ClientAuthentication;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerProvider;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Checks bound {@link PartnerApisProperties} before anything is built from them, and
 * reports every problem at once with the property path and its fix.
 */
final class PartnerApisPropertiesValidator {

	private final ProviderPresets presets;

	PartnerApisPropertiesValidator(ProviderPresets presets) {
		this.presets = presets;
	}

	/**
	 * Returns a value that {@link #validate} requires, for the code that builds from
	 * properties this validator passed.
	 * @param value the bound value
	 * @param property the property's full name
	 * @return the value
	 * @throws IllegalStateException if the value is missing, which validation prevents
	 */
	static String required(@Nullable String value, String property) {
		Assert.state(value != null, () -> "'" + property + "' must be set; it was not validated");
		return value;
	}

	void validate(PartnerApisProperties properties) {
		List<Problem> problems = new ArrayList<>();
		properties.getApis().forEach((name, api) -> validate(name, api, problems));
		requirePositive(problems, "partner.token-store.timeout", properties.getTokenStore().getTimeout());
		if (!problems.isEmpty()) {
			throw new PartnerApiConfigurationException(problems);
		}
	}

	private void validate(String name, Api api, List<Problem> problems) {
		String prefix = ProviderPresetsEnvironmentPostProcessor.APIS + "." + name + ".";
		PartnerProvider provider = PartnerApiPropertiesMapper.provider(name, api.getProvider());
		requireText(problems, prefix + "client-id", api.getClientId(),
				"the client id " + describe(provider) + " issued");
		validateClientAuthentication(prefix, provider, api, problems);
		requireUrl(problems, provider, prefix, "token-uri", api.getTokenUri(), api.isAllowInsecureHttp());
		requireUrl(problems, provider, prefix, "base-url", api.getBaseUrl(), api.isAllowInsecureHttp());
		requirePositive(problems, prefix + "refresh-before-expiry", api.getRefreshBeforeExpiry());
		requirePositive(problems, prefix + "default-token-lifetime", api.getDefaultTokenLifetime());
		requirePositive(problems, prefix + "unauthorized-renewal-interval", api.getUnauthorizedRenewalInterval());
		requirePositive(problems, prefix + "token.connect-timeout", api.getToken().getConnectTimeout());
		requirePositive(problems, prefix + "token.response-timeout", api.getToken().getResponseTimeout());
		requirePositive(problems, prefix + "token.retry-backoff", api.getToken().getRetryBackoff());
		if (api.getToken().getMaxRetries() < 0) {
			problems.add(new Problem(prefix + "token.max-retries",
					"is " + api.getToken().getMaxRetries() + ", which is negative",
					"Set '" + prefix + "token.max-retries' to 0 or more."));
		}
		Integer quota = api.getToken().getMonthlyQuota();
		if (quota != null && quota < 1) {
			problems.add(new Problem(prefix + "token.monthly-quota", "is " + quota + ", which is not positive",
					"Set '" + prefix + "token.monthly-quota' to the number of tokens the partner allows a month, "
							+ "or remove it for no limit."));
		}
	}

	private static void validateClientAuthentication(String prefix, PartnerProvider provider, Api api,
			List<Problem> problems) {
		ClientAuthentication method = api.getClientAuthenticationMethod();
		String methodValue = ClientAuthenticationLoader.propertyValue(method);
		if (method == ClientAuthentication.CLIENT_SECRET_BASIC || method == ClientAuthentication.CLIENT_SECRET_POST
				|| method == ClientAuthentication.CLIENT_SECRET_JWT) {
			requireText(problems, prefix + "client-secret", api.getClientSecret(),
					"the client secret " + describe(provider) + " issued, preferably from an environment variable");
		}
		if (method == ClientAuthentication.PRIVATE_KEY_JWT) {
			requireText(problems, prefix + "client-assertion.key", api.getClientAssertion().getKey(),
					"the location of the private key that signs client assertions, such as "
							+ "'file:/etc/keys/partner.pem' (PKCS#8 PEM) or a JWK in JSON, since "
							+ "'client-authentication-method' is " + methodValue);
		}
		else if (StringUtils.hasText(api.getClientAssertion().getKey())) {
			problems.add(new Problem(prefix + "client-assertion.key",
					"is set, but 'client-authentication-method' is " + methodValue
							+ ", which does not sign with a private key",
					"Set '" + prefix + "client-authentication-method' to private-key-jwt, or remove '" + prefix
							+ "client-assertion.key'."));
		}
		if (ClientAuthenticationLoader.usesCertificate(method)) {
			requireText(problems, prefix + "ssl.bundle", api.getSsl().getBundle(),
					"the name of a 'spring.ssl.bundle.*' bundle whose key store holds the client certificate, since "
							+ "'client-authentication-method' is " + methodValue);
		}
		requirePositive(problems, prefix + "client-assertion.lifetime", api.getClientAssertion().getLifetime());
	}

	private static void requireText(List<Problem> problems, String property, @Nullable String value, String what) {
		if (!StringUtils.hasText(value)) {
			problems.add(new Problem(property, "is missing", "Set '" + property + "' to " + what + "."));
		}
	}

	private void requireUrl(List<Problem> problems, PartnerProvider provider, String prefix, String name,
			@Nullable String value, boolean allowInsecureHttp) {
		String property = prefix + name;
		if (!StringUtils.hasText(value)) {
			String hint = this.presets.hint(provider, name);
			String presetNote = (provider != PartnerProvider.GENERIC)
					? " (the " + provider.id() + " preset has no value for it)" : "";
			problems.add(new Problem(property, "is missing" + presetNote,
					"Set '" + property + "' to an absolute https URL." + ((hint != null) ? " " + hint : "")));
			return;
		}
		URI uri = parse(value);
		if (uri == null || !uri.isAbsolute() || uri.getHost() == null
				|| !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
			problems.add(new Problem(property,
					"'" + SafeUrls.describe(value) + "' is not an absolute http(s) URL with a host",
					"Set '" + property + "' to an absolute URL such as https://host.example/path."));
			return;
		}
		if (uri.getUserInfo() != null) {
			problems.add(
					new Problem(property, "holds user information before its host", "Remove the user information from '"
							+ property + "': credentials belong in client-id and client-secret."));
			return;
		}
		if ("http".equalsIgnoreCase(uri.getScheme()) && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			problems.add(new Problem(property,
					"'" + SafeUrls.describe(value)
							+ "' uses plain http to a host that is not loopback, which would send "
							+ (name.equals("token-uri") ? "the client secret" : "tokens") + " in clear",
					"Use https in '" + property + "', or, for tests only, set '" + prefix
							+ "allow-insecure-http' to true."));
		}
	}

	private static void requirePositive(List<Problem> problems, String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			problems.add(new Problem(property, "is " + value + ", which is not positive",
					"Set '" + property + "' to a positive duration such as 30s."));
		}
	}

	private static String describe(PartnerProvider provider) {
		return (provider != PartnerProvider.GENERIC) ? provider.id() : "the partner";
	}

	private static @Nullable URI parse(String value) {
		try {
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		if (lower.equals("localhost") || lower.endsWith(".localhost")) {
			return true;
		}
		if (lower.startsWith("[") && lower.endsWith("]")) {
			lower = lower.substring(1, lower.length() - 1);
		}
		if (!lower.matches("[0-9.]+") && !lower.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(lower).isLoopbackAddress();
		}
		catch (Exception ex) {
			return false;
		}
	}

}
