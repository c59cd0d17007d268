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

import io.partnerapis.PartnerApiException;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.actuate.PartnerApisEndpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for what partner-apis reads by name or by reflection at
 * run time, so that it works in a GraalVM native image; each {@code register} method says
 * what it covers and why.
 */
final class PartnerApisRuntimeHints implements RuntimeHintsRegistrar {

	private static final String JACKSON_MAPPER = "tools.jackson.databind.ObjectMapper";

	private static final String GSON = "com.google.gson.Gson";

	private static final String OAUTH2_ERROR = "org.springframework.security.oauth2.core.OAuth2Error";

	private static final String ACTUATOR_RESPONSE_BODY = "org.springframework.boot.actuate.endpoint.OperationResponseBody";

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		registerPresetHints(hints);
		registerPropertiesBindingHints(hints);
		registerTokenResponseHints(hints, classLoader);
		registerEndpointHints(hints, classLoader);
		registerExceptionHints(hints, classLoader);
	}

	/**
	 * Registers the provider presets, a class path resource.
	 * @param hints the hints to add to
	 */
	private void registerPresetHints(RuntimeHints hints) {
		hints.resources().registerPattern(ProviderPresets.LOCATION);
	}

	/**
	 * Registers the binding of {@code partner.apis}, which the presets' environment
	 * post-processor does before any bean exists.
	 * @param hints the hints to add to
	 */
	private void registerPropertiesBindingHints(RuntimeHints hints) {
		BindableRuntimeHintsRegistrar
			.forTypes(PartnerApisProperties.class, ProviderPresetsEnvironmentPostProcessor.PresetChoice.class)
			.registerHints(hints);
	}

	/**
	 * Registers the JSON libraries that Spring Boot's {@code JsonParserFactory} looks up
	 * by name, and the type tokens through which they read a map, for token responses.
	 * @param hints the hints to add to
	 * @param classLoader the class loader to look the libraries up in
	 */
	private void registerTokenResponseHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(JACKSON_MAPPER, classLoader)) {
			hints.reflection().registerType(TypeReference.of(JACKSON_MAPPER));
			hints.reflection()
				.registerType(TypeReference.of("org.springframework.boot.json.JacksonJsonParser$MapTypeReference"));
		}
		if (ClassUtils.isPresent(GSON, classLoader)) {
			hints.reflection().registerType(TypeReference.of(GSON));
			hints.reflection()
				.registerType(TypeReference.of("org.springframework.boot.json.GsonJsonParser$MapTypeToken"));
		}
	}

	/**
	 * Registers the actuator endpoint's response records, serialized to JSON.
	 * @param hints the hints to add to
	 * @param classLoader the class loader to look the actuator up in
	 */
	private void registerEndpointHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(ACTUATOR_RESPONSE_BODY, classLoader)) {
			EndpointTypes.register(this.bindingHints, hints);
		}
	}

	/**
	 * Registers Java serialization of the public exceptions, which are
	 * {@code Serializable} as every {@code Throwable} is.
	 * @param hints the hints to add to
	 * @param classLoader the class loader to look Spring Security up in
	 */
	private void registerExceptionHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerJavaSerialization(PartnerApiException.class);
		if (ClassUtils.isPresent(OAUTH2_ERROR, classLoader)) {
			hints.reflection().registerJavaSerialization(PartnerTokenException.class);
			hints.reflection().registerJavaSerialization(OAuth2Error.class);
		}
	}

	/**
	 * Refers to the endpoint's types, which need the actuator on the class path, only
	 * once it is known to be there.
	 */
	private static final class EndpointTypes {

		static void register(BindingReflectionHintsRegistrar bindingHints, RuntimeHints hints) {
			bindingHints.registerReflectionHints(hints.reflection(), PartnerApisEndpoint.PartnersDescriptor.class,
					PartnerApisEndpoint.PartnerDescriptor.class);
		}

	}

}
