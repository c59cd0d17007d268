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

package io.partnerapis.autoconfigure.service;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

import io.partnerapis.PartnerApis;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PartnerServiceGroups}, over the partners the auto-configuration
 * creates and groups described in memory.
 */
class PartnerServiceGroupsTests {

	private final ApplicationContextRunner contextRunner = PartnerContexts.runner()
		.withPropertyValues(partner("acme", "https://api.acme.example/v1"))
		.withPropertyValues(partner("other", "https://api.other.example"))
		.withPropertyValues("partner.apis.acme.client-id-header=X-Client-Id");

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void groupNamedAfterAPartnerCallsThatPartner() {
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", Plain.class);
			assertThat(groups.callsPartners(acme)).isTrue();
			assertThat(groups.namesPartners(acme)).isFalse();
			assertThat(groups.partnerOf(acme)).isNotNull()
				.satisfies((partner) -> assertThat(partner.getName()).isEqualTo("acme"));
		});
	}

	@Test
	void groupNamedAfterNoPartnerWhoseInterfacesNameNoneCallsNoPartner() {
		withGroups((groups) -> {
			HttpServiceGroup group = group("weather", Plain.class, NamesUnknown.class);
			assertThat(groups.callsPartners(group)).isFalse();
			assertThat(groups.namesPartners(group)).isFalse();
			assertThat(groups.partnerOf(group)).isNull();
		});
	}

	@Test
	void groupWhoseInterfaceOrMethodNamesAPartnerCallsIt() {
		withGroups((groups) -> {
			for (Class<?> type : new Class<?>[] { NamesOnType.class, NamesOnMethod.class }) {
				HttpServiceGroup group = group("mixed", Plain.class, type);
				assertThat(groups.callsPartners(group)).as(type.getSimpleName()).isTrue();
				assertThat(groups.namesPartners(group)).as(type.getSimpleName()).isTrue();
			}
		});
	}

	@Test
	void groupOfAPartnerGetsThePartnersBaseUrl() {
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", Plain.class);
			assertThat(groups.baseUrl(acme, groups.partnerOf(acme))).isEqualTo("https://api.acme.example/v1");
		});
	}

	@Test
	void baseUrlPropertyOnThePartnersOriginIsLeftToSpringBoot() {
		this.environment.setProperty("spring.http.serviceclient.acme.base-url", "https://API.acme.example:443/v2");
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", Plain.class);
			assertThat(groups.baseUrl(acme, groups.partnerOf(acme))).isNull();
		});
	}

	@Test
	void baseUrlPropertyOnAnotherOriginFailsNamingBothProperties() {
		this.environment.setProperty("spring.http.serviceclient.acme.base-url", "https://api.evil.example/v1");
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", Plain.class);
			assertThatExceptionOfType(PartnerApiConfigurationException.class)
				.isThrownBy(() -> groups.baseUrl(acme, groups.partnerOf(acme)))
				.satisfies((ex) -> assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
					assertThat(problem.property()).isEqualTo("spring.http.serviceclient.acme.base-url");
					assertThat(problem.description()).contains("'partner.apis.acme.base-url'");
				}));
		});
	}

	@Test
	void partnerHeadersAreAddedUnlessTheGroupSetsThem() {
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", Plain.class);
			HttpHeaders headers = new HttpHeaders();
			groups.addHeaders(headers, groups.partnerOf(acme));
			assertThat(headers.getFirst("X-Client-Id")).isEqualTo("acme-id");
			HttpHeaders own = new HttpHeaders();
			own.set("X-Client-Id", "group's own");
			groups.addHeaders(own, groups.partnerOf(acme));
			assertThat(own.get("X-Client-Id")).containsExactly("group's own");
		});
	}

	@Test
	void groupThatCallsAPartnerNeverFollowsRedirectsAndKeepsItsOtherSettings() {
		this.environment.setProperty("spring.http.serviceclient.acme.redirects", "follow");
		this.environment.setProperty("spring.http.serviceclient.acme.read-timeout", "7s");
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", Plain.class);
			assertThat(groups.settings(acme).redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
			assertThat(groups.settings(acme).readTimeout()).isEqualTo(Duration.ofSeconds(7));
		});
	}

	@Test
	void groupOfOnePartnerGetsThatPartnersFilterAndInterceptorAlone() {
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", Plain.class);
			PartnerServiceGroups.Partner partner = groups.partnerOf(acme);
			assertThat(new PartnerWebClientHttpServiceGroupConfigurer(groups, ClientHttpConnectorBuilder::jdk)
				.filter(acme, partner)).isSameAs(partner.filter());
			assertThat(new PartnerRestClientHttpServiceGroupConfigurer(groups, ClientHttpRequestFactoryBuilder::simple)
				.interceptor(acme, partner)).isSameAs(partner.interceptor());
		});
	}

	@Test
	void groupThatNamesPartnersGetsASelectionInsteadOfItsPartnersOwnFilter() {
		withGroups((groups) -> {
			HttpServiceGroup acme = group("acme", NamesOnMethod.class);
			PartnerServiceGroups.Partner partner = groups.partnerOf(acme);
			assertThat(groups.partners()).containsOnlyKeys("acme", "other");
			assertThat(new PartnerWebClientHttpServiceGroupConfigurer(groups, ClientHttpConnectorBuilder::jdk)
				.filter(acme, partner)).isNotSameAs(partner.filter());
			assertThat(new PartnerRestClientHttpServiceGroupConfigurer(groups, ClientHttpRequestFactoryBuilder::simple)
				.interceptor(acme, partner)).isNotSameAs(partner.interceptor());
		});
	}

	private void withGroups(Consumer<PartnerServiceGroups> test) {
		this.contextRunner
			.run((context) -> test.accept(new PartnerServiceGroups(() -> context.getBean(PartnerApis.class).getAll(),
					this.environment, null, null)));
	}

	private static String[] partner(String name, String baseUrl) {
		String prefix = "partner.apis." + name + ".";
		return new String[] { prefix + "client-id=" + name + "-id", prefix + "client-secret=secret",
				prefix + "token-uri=https://auth." + name + ".example/token", prefix + "base-url=" + baseUrl };
	}

	private static HttpServiceGroup group(String name, Class<?>... types) {
		return new HttpServiceGroup() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Set<Class<?>> httpServiceTypes() {
				return Set.of(types);
			}

			@Override
			public ClientType clientType() {
				return ClientType.REST_CLIENT;
			}

		};
	}

	interface Plain {

		@GetExchange("/things")
		String things();

	}

	@ClientRegistrationId("unknown")
	interface NamesUnknown {

		@GetExchange("/things")
		String things();

	}

	@ClientRegistrationId("other")
	interface NamesOnType {

		@GetExchange("/things")
		String things();

	}

	interface NamesOnMethod {

		@ClientRegistrationId("other")
		@GetExchange("/things")
		String things();

	}

}
