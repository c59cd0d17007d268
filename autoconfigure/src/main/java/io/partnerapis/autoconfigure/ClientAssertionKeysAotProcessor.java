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

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ResourceUtils;

/**
 * Includes in a native image the {@code classpath:} client assertion keys that the
 * build-time environment names ({@code partner.apis.<name>.client-assertion.key}), which
 * {@link ClientAssertionKeys} reads at start-up. Keys read from files need no hint.
 */
class ClientAssertionKeysAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Environment environment = beanFactory.getBean(Environment.class);
		Set<String> resources = new TreeSet<>();
		Binder binder = Binder.get(environment);
		for (String name : ProviderPresetsEnvironmentPostProcessor.configuredNames(environment)) {
			String location = binder
				.bind(ProviderPresetsEnvironmentPostProcessor.APIS + "." + name + ".client-assertion.key", String.class)
				.orElse("");
			if (location.startsWith(ResourceUtils.CLASSPATH_URL_PREFIX)) {
				resources.add(location.substring(ResourceUtils.CLASSPATH_URL_PREFIX.length()).replaceFirst("^/", ""));
			}
		}
		if (resources.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> resources
			.forEach((resource) -> generationContext.getRuntimeHints().resources().registerPattern(resource));
	}

}
