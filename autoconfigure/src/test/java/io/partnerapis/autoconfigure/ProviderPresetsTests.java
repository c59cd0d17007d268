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

import io.partnerapis.ClientAuthentication;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerApisProperties.PartnerEnvironment;
import io.partnerapis.PartnerProvider;
import io.partnerapis.RenewalGrant;
import io.partnerapis.RequestFormat;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProviderPresets} and how presets rank against defaults and the
 * application's own properties.
 */
class ProviderPresetsTests {

	private final ProviderPresets presets = ProviderPresets.load();

	private final ApplicationContextRunner contextRunner = PartnerContexts.runner();

	@Test
	void genericHasNoPreset() {
		assertThat(this.presets.values(PartnerProvider.GENERIC, PartnerEnvironment.PRODUCTION)).isEmpty();
	}

	@Test
	void everyProviderButGenericHasAPreset() {
		for (PartnerProvider provider : PartnerProvider.values()) {
			if (provider != PartnerProvider.GENERIC) {
				assertThat(this.presets.values(provider, PartnerEnvironment.PRODUCTION)).as(provider.id()).isNotEmpty();
			}
		}
	}

	@Test
	void sandboxValuesReplaceProductionValues() {
		Map<String, String> production = this.presets.values(PartnerProvider.BUOY, PartnerEnvironment.PRODUCTION);
		Map<String, String> sandbox = this.presets.values(PartnerProvider.BUOY, PartnerEnvironment.SANDBOX);
		assertThat(production).containsEntry("token-uri", "https://auth.buoyhealth.com/oauth/token")
			.containsEntry("audience", "https://api.buoyhealth.com");
		assertThat(sandbox).containsEntry("token-uri", "https://auth.sandbox.buoyhealth.com/oauth/token")
			.containsEntry("base-url", "https://api.sandbox.buoyhealth.com")
			.containsEntry("audience", "https://api.sandbox.buoyhealth.com")
			.containsEntry("token.request-format", "json");
		assertThat(production).doesNotContainKeys("sandbox.token-uri", "hint.token-uri");
	}

	@Test
	void presetsBindAsTheirDocumentsSay() {
		this.contextRunner.withPropertyValues(credentials("budsense"))
			.withPropertyValues(credentials("bud"))
			.withPropertyValues(credentials("bemobi"))
			.withPropertyValues(credentials("smartsense"))
			.withPropertyValues(credentials("buoy"))
			.withPropertyValues("partner.apis.bud.environment=sandbox",
					"partner.apis.bemobi.token-uri=https://auth.bemobi.example/oauth/token")
			.run((context) -> {
				Map<String, Api> apis = context.getBean(PartnerApisProperties.class).getApis();
				Api budsense = apis.get("budsense");
				assertThat(budsense.getProvider()).isEqualTo(PartnerProvider.BUDSENSE);
				assertThat(budsense.getTokenUri()).isEqualTo("https://api.budsense.com/oauth/token");
				assertThat(budsense.getClientAuthenticationMethod()).isEqualTo(ClientAuthentication.CLIENT_SECRET_POST);
				assertThat(budsense.getScopes()).containsExactly("budsense/read");
				assertThat(budsense.getBaseUrl()).isEqualTo("https://api.budsense.com");
				assertThat(budsense.getDefaultTokenLifetime()).hasHours(1);
				Api bud = apis.get("bud");
				assertThat(bud.getTokenUri()).isEqualTo("https://api-sandbox.thisisbud.com/v1/oauth/token");
				assertThat(bud.getBaseUrl()).isEqualTo("https://api-sandbox.thisisbud.com");
				assertThat(bud.getClientAuthenticationMethod()).isEqualTo(ClientAuthentication.CLIENT_SECRET_BASIC);
				assertThat(bud.getToken().getResponsePath()).isEqualTo("data");
				assertThat(bud.getToken().getRenewalGrant()).isEqualTo(RenewalGrant.REFRESH_TOKEN);
				assertThat(bud.getClientIdHeader()).isEqualTo("X-Client-Id");
				assertThat(bud.getToken().isEncodeClientCredentials()).isFalse();
				Api bemobi = apis.get("bemobi");
				assertThat(bemobi.getAudience()).isEqualTo("https://api.wave.bemobi.com");
				assertThat(bemobi.getClientAuthenticationMethod()).isEqualTo(ClientAuthentication.CLIENT_SECRET_POST);
				assertThat(bemobi.getBaseUrl()).isEqualTo("https://api.wave.bemobi.com");
				assertThat(bemobi.getUnauthorizedRenewalInterval()).hasMinutes(5);
				assertThat(bemobi.getToken().getMonthlyQuota()).isEqualTo(1000);
				assertThat(apis.get("budsense").getToken().getMonthlyQuota()).isNull();
				Api smartsense = apis.get("smartsense");
				assertThat(smartsense.getTokenUri()).isEqualTo("https://api.smartsense.co/auth/oauth");
				assertThat(smartsense.getToken().getHeaders()).containsEntry("Accept", "application/json");
				assertThat(smartsense.getBaseUrl()).isEqualTo("https://api.smartsense.co");
				assertThat(smartsense.getClientAuthenticationMethod())
					.isEqualTo(ClientAuthentication.CLIENT_SECRET_BASIC);
				Api buoy = apis.get("buoy");
				assertThat(buoy.getTokenUri()).isEqualTo("https://auth.buoyhealth.com/oauth/token");
				assertThat(buoy.getAudience()).isEqualTo("https://api.buoyhealth.com");
				assertThat(buoy.getToken().getRequestFormat()).isEqualTo(RequestFormat.JSON);
				assertThat(buoy.getBaseUrl()).isEqualTo("https://api.buoyhealth.com");
				assertThat(buoy.getDefaultTokenLifetime()).hasHours(24);
			});
	}

	@Test
	void providerIsTakenFromTheNameOnlyWhenNotGiven() {
		this.contextRunner.withPropertyValues(credentials("buoy"))
			.withPropertyValues("partner.apis.buoy.provider=generic",
					"partner.apis.buoy.token-uri=https://auth.example/token",
					"partner.apis.buoy.base-url=https://api.example")
			.withPropertyValues(credentials("health"))
			.withPropertyValues("partner.apis.health.provider=buoy")
			.run((context) -> {
				Map<String, Api> apis = context.getBean(PartnerApisProperties.class).getApis();
				assertThat(apis.get("buoy").getProvider()).isEqualTo(PartnerProvider.GENERIC);
				assertThat(apis.get("buoy").getAudience()).isNull();
				assertThat(apis.get("health").getProvider()).isEqualTo(PartnerProvider.BUOY);
				assertThat(apis.get("health").getAudience()).isEqualTo("https://api.buoyhealth.com");
			});
	}

	@Test
	void applicationPropertiesOutrankPresetsWhichOutrankDefaults() {
		this.contextRunner.withPropertyValues(credentials("buoy"))
			.withPropertyValues("partner.apis.buoy.audience=https://audience.user.example",
					"partner.apis.buoy.token.request-format=form")
			.run((context) -> {
				Api buoy = context.getBean(PartnerApisProperties.class).getApis().get("buoy");
				assertThat(buoy.getAudience()).as("user over preset").isEqualTo("https://audience.user.example");
				assertThat(buoy.getToken().getRequestFormat()).as("user over preset").isEqualTo(RequestFormat.FORM);
				assertThat(buoy.getClientAuthenticationMethod()).as("preset over default")
					.isEqualTo(ClientAuthentication.CLIENT_SECRET_POST);
				assertThat(buoy.getTokenUri()).as("preset over default")
					.isEqualTo("https://auth.buoyhealth.com/oauth/token");
				assertThat(buoy.getRefreshBeforeExpiry()).as("default").hasSeconds(60);
			});
	}

	private static String[] credentials(String name) {
		return new String[] { "partner.apis." + name + ".client-id=id-" + name,
				"partner.apis." + name + ".client-secret=secret-" + name };
	}

}
