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

package io.partnerapis.test;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.partnerapis.test.standin.Dialect;
import io.partnerapis.test.standin.StandInSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * The running stand-ins of an application's partners, one per partner configured under
 * {@code partner.apis}, injectable into tests that use
 * {@link AutoConfigurePartnerStandIns @AutoConfigurePartnerStandIns} or
 * {@code @PartnerApiTest}. Each accepts the credentials the application is configured
 * with or, where the configuration reads one from a variable the machine lacks
 * ({@code client-secret: ${ACME_CLIENT_SECRET}}) or gives none, a test value
 * ({@code test-<name>}, {@code test-<name>-secret-…}) that {@link #properties()}
 * supplies. For example:
 *
 * <pre class="code">
 * PartnerStandIn acme = this.standIns.partner("acme");
 * acme.server().stubFor(get("/orders").willReturn(okJson("[]")));
 * assertThat(this.orders.all()).isEmpty();
 * assertThat(acme).receivedTokenRequests(1).everyApiRequestCarriedAnIssuedToken();
 * </pre>
 *
 * @since 0.1.0
 */
public final class PartnerStandIns implements AutoCloseable {

	private static final ConfigurationPropertyName PARTNERS = ConfigurationPropertyName.of("partner.apis");

	private static final String TEST_SECRET_SUFFIX = "-secret-for-stand-ins-only-0123456789abcdef0123456789abcdef";

	private final Map<String, PartnerStandIn> standIns = new LinkedHashMap<>();

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private PartnerStandIns() {
	}

	/**
	 * Starts a stand-in for every partner configured in the environment.
	 * @param environment the application's environment, with its configuration files
	 * @return the running stand-ins
	 */
	public static PartnerStandIns start(ConfigurableEnvironment environment) {
		return start(environment, Set.of());
	}

	/**
	 * Starts a stand-in for each of the given partners, or for every partner configured
	 * in the environment when none is given.
	 * @param environment the application's environment, with its configuration files
	 * @param partners the partners' names; empty for every configured partner
	 * @return the running stand-ins
	 */
	public static PartnerStandIns start(ConfigurableEnvironment environment, Collection<String> partners) {
		return start(environment, partners, Clock.systemUTC());
	}

	/**
	 * Starts stand-ins with a clock that decides when their tokens and client assertions
	 * expire.
	 * @param environment the application's environment, with its configuration files
	 * @param partners the partners' names; empty for every configured partner
	 * @param clock the clock
	 * @return the running stand-ins
	 */
	public static PartnerStandIns start(ConfigurableEnvironment environment, Collection<String> partners, Clock clock) {
		PartnerStandIns standIns = new PartnerStandIns();
		try {
			for (String partner : partners.isEmpty() ? configuredPartners(environment) : partners) {
				standIns.add(partner, environment, clock);
			}
			return standIns;
		}
		catch (RuntimeException ex) {
			standIns.close();
			throw ex;
		}
	}

	/**
	 * Returns the names of the partners configured in an environment.
	 * @param environment the environment
	 * @return the names, in the order of their first appearance
	 */
	public static Set<String> configuredPartners(ConfigurableEnvironment environment) {
		Set<String> names = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(PARTNERS::isAncestorOf)
					.forEach((name) -> names
						.add(name.getElement(PARTNERS.getNumberOfElements(), ConfigurationPropertyName.Form.ORIGINAL)));
			}
		}
		return names;
	}

	private void add(String partner, ConfigurableEnvironment environment, Clock clock) {
		PartnerConfiguration configuration = new PartnerConfiguration(environment, partner);
		String provider = configuration.value("provider");
		if (provider == null) {
			provider = Dialect.isProvider(partner) ? partner : "generic";
		}
		String method = configuration.value("client-authentication-method");
		String clientId = Objects.requireNonNull(configuration.valueOr("client-id", "test-" + partner));
		String secret = configuration.valueOr("client-secret",
				(needsSecret(provider, method) || configuration.isGiven("client-secret"))
						? "test-" + partner + TEST_SECRET_SUFFIX : null);
		StandInSettings settings = new StandInSettings(partner, provider,
				Objects.requireNonNullElse(configuration.value("environment"), "production"), clientId, secret, method,
				configuration.value("client-assertion.key"), configuration.value("client-assertion.audience"));
		PartnerStandIn standIn = new PartnerStandIn(settings, clock);
		this.standIns.put(partner, standIn);
		this.properties.putAll(configuration.defaults());
		this.properties.putAll(standIn.properties());
	}

	private static boolean needsSecret(String provider, @Nullable String method) {
		if (Dialect.of(provider) != Dialect.GENERIC || method == null) {
			return true;
		}
		String normalized = method.toLowerCase(Locale.ROOT).replace('-', '_');
		return normalized.startsWith("client_secret");
	}

	/**
	 * Returns the stand-in of the given partner.
	 * @param name the partner's name
	 * @return the stand-in
	 * @throws IllegalArgumentException if there is no stand-in of that name
	 */
	public PartnerStandIn partner(String name) {
		PartnerStandIn standIn = this.standIns.get(name);
		if (standIn == null) {
			throw new IllegalArgumentException("No stand-in for partner '" + name + "'; there are stand-ins for "
					+ String.join(", ", this.standIns.keySet()));
		}
		return standIn;
	}

	/**
	 * Returns every stand-in, in the order the partners are configured.
	 * @return the stand-ins
	 */
	public Collection<PartnerStandIn> all() {
		return this.standIns.values();
	}

	/**
	 * Returns the properties that point each partner at its stand-in: token URI, base
	 * URL, the test credentials that stand in for those the machine lacks, and the key a
	 * stand-in generated for a {@code private-key-jwt} client whose key is not given.
	 * @return the properties, by full name
	 */
	public Map<String, Object> properties() {
		return Map.copyOf(this.properties);
	}

	/**
	 * Resets every stand-in: forgets the test's stubs, scripted faults, request journals
	 * and lists of issued tokens, without restarting the servers.
	 * @see PartnerStandIn#reset()
	 */
	public void reset() {
		this.standIns.values().forEach(PartnerStandIn::reset);
	}

	/**
	 * Stops every stand-in.
	 */
	@Override
	public void close() {
		this.standIns.values().forEach(PartnerStandIn::close);
	}

	@Override
	public String toString() {
		return "PartnerStandIns" + this.standIns.values();
	}

	/**
	 * One partner's configuration as the environment gives it, placeholders resolved.
	 * Only the value that wins for each property counts.
	 */
	private static final class PartnerConfiguration {

		private final ConfigurableEnvironment environment;

		private final String prefix;

		private final Map<String, Object> defaults = new LinkedHashMap<>();

		PartnerConfiguration(ConfigurableEnvironment environment, String partner) {
			this.environment = environment;
			this.prefix = "partner.apis." + partner + ".";
		}

		/**
		 * Returns whether a property is given, resolvable or not.
		 * @param key the property's name under the partner's prefix
		 * @return whether the environment holds the property
		 */
		boolean isGiven(String key) {
			return raw(key) != null;
		}

		/**
		 * Returns a property's value, or {@code null} if it is absent, empty, or reads a
		 * variable the machine lacks.
		 * @param key the property's name under the partner's prefix
		 * @return the property's value, or {@code null}
		 */
		@Nullable String value(String key) {
			Object raw = raw(key);
			if (raw == null) {
				return null;
			}
			try {
				String value = this.environment.resolveRequiredPlaceholders(raw.toString());
				return StringUtils.hasText(value) ? value : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		/**
		 * Returns a property's value, or the given test value, which is then also one of
		 * the {@link #defaults()}.
		 * @param key the property's name under the partner's prefix
		 * @param testValue the value to use when the property is not given
		 * @return the property's value, or the test value
		 */
		@Nullable String valueOr(String key, @Nullable String testValue) {
			String value = value(key);
			if (value != null || testValue == null) {
				return value;
			}
			this.defaults.put(this.prefix + key, testValue);
			return testValue;
		}

		Map<String, Object> defaults() {
			return this.defaults;
		}

		private @Nullable Object raw(String key) {
			ConfigurationPropertyName name = ConfigurationPropertyName.of(this.prefix + key);
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
				ConfigurationProperty property = source.getConfigurationProperty(name);
				if (property != null) {
					return property.getValue();
				}
			}
			return null;
		}

	}

}
