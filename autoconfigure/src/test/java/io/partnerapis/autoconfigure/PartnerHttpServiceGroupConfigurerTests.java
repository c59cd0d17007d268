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

import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the HTTP service group configurers' beans; the groups themselves are proved
 * over WireMock in {@code io.partnerapis.usecases.AbstractHttpServiceGroupsTests}.
 */
class PartnerHttpServiceGroupConfigurerTests {

	private final ApplicationContextRunner contextRunner = PartnerContexts.runner()
		.withPropertyValues("partner.apis.acme.client-id=id", "partner.apis.acme.client-secret=secret",
				"partner.apis.acme.token-uri=https://auth.acme.example/token",
				"partner.apis.acme.base-url=https://api.acme.example");

	private static final String REST = "partnerRestClientHttpServiceGroupConfigurer";

	private static final String WEB = "partnerWebClientHttpServiceGroupConfigurer";

	@Test
	void configurersOfBothClientTypesAreRegistered() {
		this.contextRunner.run((context) -> assertThat(context).hasBean(REST)
			.hasBean(WEB)
			.getBean(REST)
			.isInstanceOf(RestClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void noConfigurersWithoutHttpServiceGroups() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpServiceGroupConfigurer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(REST).doesNotHaveBean(WEB));
	}

	@Test
	void noWebClientConfigurerWithoutWebClientHttpServiceGroups() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClientHttpServiceGroupConfigurer.class))
			.run((context) -> assertThat(context).hasBean(REST).doesNotHaveBean(WEB));
	}

	@Test
	void userConfigurerOfTheSameNameReplacesOurs() {
		RestClientHttpServiceGroupConfigurer own = (groups) -> {
		};
		this.contextRunner.withBean(REST, RestClientHttpServiceGroupConfigurer.class, () -> own)
			.run((context) -> assertThat(context.getBean(REST)).isSameAs(own));
	}

}
