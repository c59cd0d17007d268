package io.partnerapis.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerProvider;
import io.partnerapis.provider.ProviderPresets;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts each configured partner's provider preset into the environment as its
 * lowest-precedence property source, named {@value #NAME}. Every binding of
 * {@code partner.apis} then sees a value from the application if it sets one, else from
 * the preset, else from the property's initialiser; and the presets in force show in the
 * environment like any other property source.
 *
 * @author partner-apis
 */
final class ProviderPresetsPropertySource {

	static final String NAME = "partnerApisProviderPresets";

	static final String APIS = "partner.apis";

	private ProviderPresetsPropertySource() {
	}

	/**
	 * Binds the partners as the application configured them, without presets.
	 * @param environment the environment
	 * @return the partners by name
	 */
	static Map<String, Api> bindConfigured(Environment environment) {
		return Binder.get(environment)
			.bind(APIS, Bindable.mapOf(String.class, Api.class))
			.orElseGet(LinkedHashMap::new);
	}

	/**
	 * Adds, or replaces, the preset property source for the partners configured in the
	 * environment.
	 * @param environment the environment
	 * @param presets the provider presets
	 * @return the partners as the application configured them
	 */
	static Map<String, Api> apply(ConfigurableEnvironment environment, ProviderPresets presets) {
		environment.getPropertySources().remove(NAME);
		Map<String, Api> configured = bindConfigured(environment);
		Map<String, Object> values = new LinkedHashMap<>();
		configured.forEach((name, api) -> {
			PartnerProvider provider = provider(name, api);
			values.put(APIS + "." + name + ".provider", provider.id());
			presets.values(provider, api.getEnvironment())
				.forEach((property, value) -> values.put(APIS + "." + name + "." + property, value));
		});
		if (!values.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(NAME, values));
		}
		return configured;
	}

	/**
	 * Returns the provider of a partner: the one it names, else the one its name names,
	 * else {@link PartnerProvider#GENERIC}.
	 * @param name the partner's name
	 * @param api the partner's properties
	 * @return the provider
	 */
	static PartnerProvider provider(String name, Api api) {
		return (api.getProvider() != null) ? api.getProvider() : PartnerProvider.forPartnerName(name);
	}

}
