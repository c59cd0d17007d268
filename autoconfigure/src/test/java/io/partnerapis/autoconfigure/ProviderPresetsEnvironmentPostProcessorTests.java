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

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProviderPresetsEnvironmentPostProcessor}.
 */
class ProviderPresetsEnvironmentPostProcessorTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void partnerNamedAfterAProviderGetsItsPresetAsTheLowestPrecedenceSource() {
		this.environment.setProperty("partner.apis.buoy.client-id", "id");
		postProcess();
		assertThat(this.environment.getPropertySources().stream().map(PropertySource::getName))
			.endsWith(ProviderPresetsEnvironmentPostProcessor.NAME);
		assertThat(this.environment.getProperty("partner.apis.buoy.provider")).isEqualTo("buoy");
		assertThat(this.environment.getProperty("partner.apis.buoy.token-uri"))
			.isEqualTo("https://auth.buoyhealth.com/oauth/token");
	}

	@Test
	void applicationPropertyWinsOverThePreset() {
		this.environment.setProperty("partner.apis.buoy.token-uri", "https://auth.own.example/token");
		postProcess();
		assertThat(this.environment.getProperty("partner.apis.buoy.token-uri"))
			.isEqualTo("https://auth.own.example/token");
		assertThat(this.environment.getProperty("partner.apis.buoy.audience")).isEqualTo("https://api.buoyhealth.com");
	}

	@Test
	void providerPropertyChoosesThePresetWhateverThePartnerIsCalled() {
		this.environment.setProperty("partner.apis.health.provider", "buoy");
		postProcess();
		assertThat(this.environment.getProperty("partner.apis.health.token-uri"))
			.isEqualTo("https://auth.buoyhealth.com/oauth/token");
	}

	@Test
	void sandboxEnvironmentChoosesTheSandboxValues() {
		this.environment.setProperty("partner.apis.buoy.environment", "sandbox");
		postProcess();
		assertThat(this.environment.getProperty("partner.apis.buoy.token-uri"))
			.isEqualTo("https://auth.sandbox.buoyhealth.com/oauth/token");
		assertThat(this.environment.getProperty("partner.apis.buoy.token.request-format")).isEqualTo("json");
	}

	@Test
	void genericPartnerGetsOnlyItsProvider() {
		this.environment.setProperty("partner.apis.acme.client-id", "id");
		postProcess();
		PropertySource<?> presets = this.environment.getPropertySources()
			.get(ProviderPresetsEnvironmentPostProcessor.NAME);
		assertThat(presets).isNotNull();
		assertThat(presets.getProperty("partner.apis.acme.provider")).isEqualTo("generic");
		assertThat(this.environment.getProperty("partner.apis.acme.token-uri")).isNull();
	}

	@Test
	void withoutPartnersNoSourceIsAdded() {
		this.environment.setProperty("spring.application.name", "app");
		postProcess();
		assertThat(this.environment.getPropertySources().contains(ProviderPresetsEnvironmentPostProcessor.NAME))
			.isFalse();
	}

	@Test
	void applyingAgainReplacesTheSourceWithTheCurrentPartners() {
		this.environment.setProperty("partner.apis.buoy.client-id", "id");
		ProviderPresetsEnvironmentPostProcessor.applyTo(this.environment);
		this.environment.setProperty("partner.apis.buoy.environment", "sandbox");
		ProviderPresetsEnvironmentPostProcessor.applyTo(this.environment);
		assertThat(this.environment.getPropertySources()
			.stream()
			.filter((source) -> source.getName().equals(ProviderPresetsEnvironmentPostProcessor.NAME))).hasSize(1);
		assertThat(this.environment.getProperty("partner.apis.buoy.token-uri"))
			.isEqualTo("https://auth.sandbox.buoyhealth.com/oauth/token");
	}

	@Test
	void configuredNamesAreTheKeysThatBindingTheMapGivesInEveryNotation() {
		this.environment.setProperty("partner.apis.buoy.client-id", "id");
		this.environment.setProperty("partner.apis[my.partner].token-uri", "https://auth.example/token");
		this.environment.setProperty("partner.apis.Other-Partner.token.headers.Accept", "application/json");
		this.environment.setProperty("partner.apis.scalar", "value");
		this.environment.setProperty("partner.token-store.timeout", "1s");
		this.environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("PARTNER_APIS_BUD_CLIENTID", "id", "PARTNER_APIS_BUOY_CLIENTSECRET", "secret")));
		this.environment.getPropertySources()
			.addLast(new MapPropertySource("more", Map.of("partner.apis.smartsense.client-id", "id")));
		assertThat(ProviderPresetsEnvironmentPostProcessor.configuredNames(this.environment))
			.containsExactlyElementsOf(Binder.get(this.environment)
				.bind(ProviderPresetsEnvironmentPostProcessor.APIS, Bindable.mapOf(String.class, Object.class))
				.get()
				.keySet())
			.containsExactlyInAnyOrder("buoy", "my.partner", "Other-Partner", "scalar", "bud", "smartsense");
	}

	@Test
	void noPartnerConfiguredGivesNoNames() {
		this.environment.setProperty("partner.token-store.timeout", "1s");
		assertThat(ProviderPresetsEnvironmentPostProcessor.configuredNames(this.environment)).isEmpty();
	}

	private void postProcess() {
		new ProviderPresetsEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

}
