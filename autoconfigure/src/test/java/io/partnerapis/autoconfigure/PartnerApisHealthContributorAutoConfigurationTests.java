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

import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerApisHealthContributorAutoConfiguration}.
 */
class PartnerApisHealthContributorAutoConfigurationTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	private final ApplicationContextRunner contextRunner = this.partner.contextRunner("acme")
		.withPropertyValues(this.partner.properties("globex", Map.of()))
		.withConfiguration(AutoConfigurations.of(PartnerApisHealthContributorAutoConfiguration.class));

	@Test
	void contributorHasOneIndicatorPerPartner() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("partnerApisHealthContributor");
			HealthContributor contributor = context.getBean("partnerApisHealthContributor", HealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
			CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
			assertThat(composite.stream().map((entry) -> entry.name())).containsExactly("acme", "globex");
			assertThat(composite.getContributor("acme")).isInstanceOf(PartnerApiHealthIndicator.class);
			assertThat(this.partner.tokenRequests()).isZero();
		});
	}

	@Test
	void healthEndpointReportsNoPartnerComponentsWhenNoPartnerIsConfigured() {
		PartnerContexts.runner()
			.withConfiguration(AutoConfigurations.of(PartnerApisHealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-components=always")
			.withBean("other", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("partnerApisHealthContributor");
				HealthDescriptor health = context.getBean(HealthEndpoint.class).health();
				assertThat(health).isInstanceOf(CompositeHealthDescriptor.class);
				assertThat(((CompositeHealthDescriptor) health).getComponents()).containsOnlyKeys("other");
				assertThat(health.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void healthEndpointShowsTheContributorAsPartnerApis() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.show-components=always")
			.run((context) -> {
				HealthDescriptor health = context.getBean(HealthEndpoint.class).health();
				assertThat(((CompositeHealthDescriptor) health).getComponents()).containsKey("partnerApis");
				HealthDescriptor partners = ((CompositeHealthDescriptor) health).getComponents().get("partnerApis");
				assertThat(partners.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(((CompositeHealthDescriptor) partners).getComponents()).containsOnlyKeys("acme", "globex");
				assertThat(this.partner.tokenRequests()).isZero();
			});
	}

	@Test
	void noContributorWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.partnerapis.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(PartnerApis.class)
				.doesNotHaveBean("partnerApisHealthContributor"));
	}

	@Test
	void noContributorWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasSingleBean(PartnerApis.class)
				.doesNotHaveBean("partnerApisHealthContributor"));
	}

	@Test
	void backsOffForAUserContributorOfTheSameName() {
		HealthIndicator mine = () -> Health.up().withDetail("mine", true).build();
		this.contextRunner.withBean("partnerApisHealthContributor", HealthIndicator.class, () -> mine)
			.run((context) -> assertThat(context.getBean("partnerApisHealthContributor")).isSameAs(mine));
	}

	@Test
	void backsOffForAUserIndicatorNamedPartnerApisHealthIndicator() {
		this.contextRunner
			.withBean("partnerApisHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).hasBean("partnerApisHealthIndicator")
				.doesNotHaveBean("partnerApisHealthContributor"));
	}

}
