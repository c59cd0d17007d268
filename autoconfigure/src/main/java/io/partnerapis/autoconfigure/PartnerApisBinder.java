package io.partnerapis.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerProvider;
import io.partnerapis.provider.ProviderPresets;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Binds {@link PartnerApisProperties} from the environment with each partner's provider
 * preset below the application's own properties, so that a value comes from the
 * application if it sets one, else from the preset, else from the field's initialiser.
 *
 * @author partner-apis
 */
final class PartnerApisBinder {

	static final String PREFIX = "partner";

	static final String APIS = PREFIX + ".apis";

	private final Environment environment;

	private final ProviderPresets presets;

	PartnerApisBinder(Environment environment, ProviderPresets presets) {
		this.environment = environment;
		this.presets = presets;
	}

	/**
	 * Binds the partners as the application configured them, without presets.
	 * @return the partners by name
	 */
	Map<String, Api> bindConfigured() {
		return Binder.get(this.environment)
			.bind(APIS, Bindable.mapOf(String.class, Api.class))
			.orElseGet(LinkedHashMap::new);
	}

	/**
	 * Binds the partners with their provider presets applied.
	 * @return the properties
	 */
	PartnerApisProperties bind() {
		Map<String, String> presetValues = new LinkedHashMap<>();
		bindConfigured().forEach((name, api) -> this.presets.values(provider(name, api), api.getEnvironment())
			.forEach((property, value) -> presetValues.put(APIS + "." + name + "." + property, value)));
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		ConfigurationPropertySources.get(this.environment).forEach(sources::add);
		sources.add(new MapConfigurationPropertySource(presetValues));
		Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(this.environment));
		PartnerApisProperties properties = binder.bind(PREFIX, PartnerApisProperties.class)
			.orElseGet(PartnerApisProperties::new);
		properties.getApis().forEach((name, api) -> api.setProvider(provider(name, api)));
		return properties;
	}

	static PartnerProvider provider(String name, Api api) {
		return (api.getProvider() != null) ? api.getProvider() : PartnerProvider.forPartnerName(name);
	}

}
