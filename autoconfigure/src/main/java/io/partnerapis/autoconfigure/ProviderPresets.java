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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.partnerapis.PartnerApisProperties.PartnerEnvironment;
import io.partnerapis.PartnerProvider;
import org.jspecify.annotations.Nullable;

/**
 * The preset of each {@link PartnerProvider}: the property values its partner's document
 * fixes, kept as data in {@code presets.properties} beside this class. A preset value is
 * an ordinary {@code partner.apis.<name>.*} property without that prefix, so presets go
 * through the same binding as the application's own properties, below them.
 */
final class ProviderPresets {

	/**
	 * Class path location of the presets.
	 */
	static final String LOCATION = "io/partnerapis/autoconfigure/presets.properties";

	private static final String HINT = "hint";

	private final Properties presets;

	private ProviderPresets(Properties presets) {
		this.presets = presets;
	}

	/**
	 * Returns the presets shipped with partner-apis, read once.
	 * @return the presets
	 */
	static ProviderPresets load() {
		return Shipped.INSTANCE;
	}

	private static ProviderPresets read() {
		Properties properties = new Properties();
		try (InputStream in = ProviderPresets.class.getResourceAsStream("/" + LOCATION)) {
			if (in == null) {
				throw new IllegalStateException("Provider presets '" + LOCATION + "' are missing from the classpath");
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Provider presets '" + LOCATION + "' could not be read", ex);
		}
		return new ProviderPresets(properties);
	}

	/**
	 * Returns the preset values of a provider in an environment, keyed by property name
	 * relative to {@code partner.apis.<name>}.
	 * @param provider the provider
	 * @param environment the environment
	 * @return the preset values, empty for {@link PartnerProvider#GENERIC}
	 */
	Map<String, String> values(PartnerProvider provider, PartnerEnvironment environment) {
		Map<String, String> values = new LinkedHashMap<>();
		String providerPrefix = provider.id() + ".";
		String environmentPrefix = providerPrefix + environment.id() + ".";
		for (String key : this.presets.stringPropertyNames()) {
			if (key.startsWith(providerPrefix) && !isQualified(key.substring(providerPrefix.length()))) {
				values.putIfAbsent(key.substring(providerPrefix.length()), this.presets.getProperty(key));
			}
		}
		for (String key : this.presets.stringPropertyNames()) {
			if (key.startsWith(environmentPrefix)) {
				values.put(key.substring(environmentPrefix.length()), this.presets.getProperty(key));
			}
		}
		return values;
	}

	/**
	 * Returns what to tell a user of the given provider who must supply a property that
	 * the partner's document leaves open.
	 * @param provider the provider
	 * @param property the property name relative to {@code partner.apis.<name>}
	 * @return the hint, or {@code null} when there is none
	 */
	@Nullable String hint(PartnerProvider provider, String property) {
		return this.presets.getProperty(provider.id() + "." + HINT + "." + property);
	}

	private static boolean isQualified(String key) {
		int dot = key.indexOf('.');
		if (dot == -1) {
			return false;
		}
		String first = key.substring(0, dot);
		if (HINT.equals(first)) {
			return true;
		}
		for (PartnerEnvironment environment : PartnerEnvironment.values()) {
			if (environment.id().equals(first)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Holds the shipped presets, read when first asked for.
	 */
	private static final class Shipped {

		static final ProviderPresets INSTANCE = read();

	}

}
