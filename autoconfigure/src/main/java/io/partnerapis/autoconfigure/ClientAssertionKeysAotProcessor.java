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
