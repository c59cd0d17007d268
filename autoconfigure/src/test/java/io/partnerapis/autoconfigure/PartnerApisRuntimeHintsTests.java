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
import io.partnerapis.actuate.PartnerApisEndpoint.PartnerDescriptor;
import io.partnerapis.actuate.PartnerApisEndpoint.PartnersDescriptor;
import io.partnerapis.actuate.PartnerApisEndpoint.TokenDescriptor;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.json.JacksonJsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerApisRuntimeHints}: one per group of hints, each checking the
 * hints against what the code reads at run time.
 */
class PartnerApisRuntimeHintsTests {

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(PartnerApisRuntimeHints.class);
	}

	@Test
	void presetsAreIncludedAsTheResourceProviderPresetsReads() {
		RuntimeHints hints = hints(getClass().getClassLoader());
		assertThat(ProviderPresets.class.getResource("/" + ProviderPresets.LOCATION)).isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(ProviderPresets.LOCATION)).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("io/partnerapis/autoconfigure/other.properties"))
			.rejects(hints);
	}

	@Test
	void partnerPropertiesCanBeBoundBeforeAnyBeanExists() throws NoSuchMethodException {
		RuntimeHints hints = hints(getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(PartnerApisProperties.Api.class.getDeclaredConstructor())).accepts(hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(PartnerApisProperties.Api.class, "setClientId"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(PartnerApisProperties.Token.class, "setResponsePath")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(PartnerApisProperties.ClientAssertion.class, "setKey")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(PartnerApisProperties.ClientAssertion.class, "setAlgorithm")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PartnerApisProperties.Ssl.class, "setBundle"))
			.accepts(hints);
	}

	@Test
	void presetChoicesCanBeBoundWhileTheEnvironmentIsPrepared() throws NoSuchMethodException {
		RuntimeHints hints = hints(getClass().getClassLoader());
		Class<?> choice = ProviderPresetsEnvironmentPostProcessor.PresetChoice.class;
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(choice.getDeclaredConstructor()))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(choice, "setProvider")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(choice, "setEnvironment")).accepts(hints);
	}

	@Test
	void tokenResponsesAreParsedByTheSameJsonParserAsOnTheJvm() {
		RuntimeHints hints = hints(getClass().getClassLoader());
		assertThat(JsonParserFactory.getJsonParser()).isInstanceOf(JacksonJsonParser.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("tools.jackson.databind.ObjectMapper")))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.springframework.boot.json.JacksonJsonParser$MapTypeReference")))
			.accepts(hints);
	}

	@Test
	void tokenResponsesNeedNoJacksonHintsWithoutJackson() {
		RuntimeHints hints = hints(new FilteredClassLoader("tools.jackson.databind."));
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("tools.jackson.databind.ObjectMapper")))
			.rejects(hints);
	}

	@Test
	void endpointResponsesCanBeWrittenAsJson() {
		RuntimeHints hints = hints(getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PartnersDescriptor.class, "partners"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PartnerDescriptor.class, "tokenUri"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(PartnerDescriptor.class, "unauthorized"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TokenDescriptor.class, "expiresAt"))
			.accepts(hints);
	}

	@Test
	void endpointHintsAreLeftOutWithoutTheActuator() {
		RuntimeHints hints = hints(new FilteredClassLoader(OperationResponseBody.class));
		assertThat(RuntimeHintsPredicates.reflection().onType(PartnerDescriptor.class)).rejects(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource(ProviderPresets.LOCATION)).accepts(hints);
	}

	@Test
	void exceptionsCanBeSerialized() {
		RuntimeHints hints = hints(getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onJavaSerialization(PartnerApiException.class, true))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onJavaSerialization(PartnerTokenException.class, true))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onJavaSerialization(OAuth2Error.class, true)).accepts(hints);
	}

	private static RuntimeHints hints(ClassLoader classLoader) {
		RuntimeHints hints = new RuntimeHints();
		new PartnerApisRuntimeHints().registerHints(hints, classLoader);
		return hints;
	}

}
