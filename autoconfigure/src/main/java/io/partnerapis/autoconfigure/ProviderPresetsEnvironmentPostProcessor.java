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

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.partnerapis.PartnerApisProperties.PartnerEnvironment;
import io.partnerapis.PartnerProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@link EnvironmentPostProcessor} that puts each configured partner's provider preset
 * into the environment as its lowest-precedence property source, named {@value #NAME}:
 * every binding of {@code partner.apis} sees the application's value if it sets one, else
 * the preset's, else the property's initialiser, and the presets in force show like any
 * other property source. Contexts that {@link SpringApplication} does not start, such as
 * an {@code ApplicationContextRunner} in a test, apply it with
 * {@link #applyTo(ConfigurableEnvironment)}.
 *
 * @since 0.2.0
 */
public final class ProviderPresetsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Name of the property source that holds the presets.
	 */
	public static final String NAME = "partnerApisProviderPresets";

	static final String APIS = "partner.apis";

	private static final ConfigurationPropertyName APIS_NAME = ConfigurationPropertyName.of(APIS);

	/**
	 * Applies the presets whenever {@link SpringApplication} prepares an environment,
	 * after the application's configuration files are loaded, in AOT mode as well.
	 * @param environment the environment
	 * @param application the application
	 */
	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		applyTo(environment);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Adds, or replaces, the preset property source for the partners configured in the
	 * given environment.
	 * @param environment the environment
	 */
	public static void applyTo(ConfigurableEnvironment environment) {
		environment.getPropertySources().remove(NAME);
		ProviderPresets presets = ProviderPresets.load();
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, PresetChoice> choices = bindChoices(environment);
		configuredNames(environment).forEach((name) -> {
			PresetChoice choice = choices.getOrDefault(name, new PresetChoice());
			PartnerProvider provider = PartnerApiPropertiesMapper.provider(name, choice.getProvider());
			values.put(APIS + "." + name + ".provider", provider.id());
			presets.values(provider, choice.getEnvironment())
				.forEach((property, value) -> values.put(APIS + "." + name + "." + property, value));
		});
		if (!values.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(NAME, values));
		}
	}

	/**
	 * Binds only the two settings that choose a partner's preset, for the partners that
	 * set either: binding every setting here would repeat, before any bean exists, the
	 * work of binding {@link io.partnerapis.PartnerApisProperties}.
	 * @param environment the environment
	 * @return the choices by partner name, without the partners that set neither
	 */
	static Map<String, PresetChoice> bindChoices(Environment environment) {
		return Binder.get(environment)
			.bind(APIS, Bindable.mapOf(String.class, PresetChoice.class))
			.orElseGet(LinkedHashMap::new);
	}

	/**
	 * Returns the names of the partners the environment configures, without binding their
	 * settings: the bean registrars need no more. They are the keys that binding
	 * {@code partner.apis} as a map of nested maps gives, each name's element after the
	 * prefix in its original form, taken from the property names alone: binding the map,
	 * as this post-processor and the registrars did, converted every value of every
	 * partner each time.
	 * @param environment the environment
	 * @return the partners' names, in the order configured
	 */
	static Set<String> configuredNames(Environment environment) {
		Set<String> names = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(APIS_NAME::isAncestorOf)
					.forEach((name) -> names.add(name.getElement(APIS_NAME.getNumberOfElements(), Form.ORIGINAL)));
			}
		}
		return names;
	}

	/**
	 * The settings of a partner that choose its preset: {@code provider} and
	 * {@code environment}, bound as {@link io.partnerapis.PartnerApisProperties.Api}
	 * binds them.
	 */
	static final class PresetChoice {

		private @Nullable PartnerProvider provider;

		private PartnerEnvironment environment = PartnerEnvironment.PRODUCTION;

		@Nullable PartnerProvider getProvider() {
			return this.provider;
		}

		void setProvider(@Nullable PartnerProvider provider) {
			this.provider = provider;
		}

		PartnerEnvironment getEnvironment() {
			return this.environment;
		}

		void setEnvironment(PartnerEnvironment environment) {
			this.environment = environment;
		}

	}

}
