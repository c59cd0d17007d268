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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link PartnerApisMetricsAutoConfiguration}.
 */
class PartnerApisMetricsAutoConfigurationTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	private final ApplicationContextRunner contextRunner = this.partner.contextRunner("acme")
		.withConfiguration(AutoConfigurations.of(PartnerApisMetricsAutoConfiguration.class));

	private final ApplicationContextRunner bootMetricsRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void meterBinderIsBoundToSpringBootsMeterRegistry() {
		this.bootMetricsRunner.run((context) -> {
			assertThat(context).hasSingleBean(PartnerApisMeterBinder.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(PartnerApisMeterBinder.UNAUTHORIZED_RETRIES)
				.tag(PartnerApisMeterBinder.PARTNER_TAG, "acme")
				.functionCounters()).hasSize(3);
			assertThat(registry.find(PartnerApisMeterBinder.TOKEN_EXPIRY)
				.tag(PartnerApisMeterBinder.PARTNER_TAG, "acme")
				.gauge()).isNotNull();
		});
	}

	@Test
	void tokenFetchesBecomeTimersTaggedWithTheirOutcome() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		try (PartnerStub broken = new PartnerStub()) {
			broken.tokenEndpointFails(500, "{\"error\":\"server_error\"}");
			this.bootMetricsRunner.withPropertyValues(broken.properties("broken", Map.of("token.max-retries", "0")))
				.run((context) -> {
					assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
						.isEqualTo(200);
					assertThatException().isThrownBy(
							() -> PartnerStub.call(context.getBean("brokenWebClient", WebClient.class), "/things"));
					MeterRegistry registry = context.getBean(MeterRegistry.class);
					Timer success = registry.get("partner.apis.token.fetch")
						.tags("partner", "acme", "provider", "generic", "grant.type", "client_credentials", "outcome",
								"success", "exception", "none")
						.timer();
					assertThat(success.count()).isEqualTo(1);
					Timer failure = registry.get("partner.apis.token.fetch")
						.tags("partner", "broken", "provider", "generic", "grant.type", "client_credentials", "outcome",
								"failure", "exception", "PartnerTokenException")
						.timer();
					assertThat(failure.count()).isEqualTo(1);
					assertThat(registry.find("partner.apis.token.fetch").timers()).hasSize(2);
					assertThat(this.partner.tokenRequests()).isEqualTo(1);
					assertThat(broken.tokenRequests()).isEqualTo(1);
				});
		}
	}

	@ParameterizedTest
	@EnumSource(PartnerClient.Type.class)
	void partnerCallsShowAsSpringBootsHttpClientRequests(PartnerClient.Type clientType) {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		this.bootMetricsRunner
			.withConfiguration(AutoConfigurations.of(WebClientObservationAutoConfiguration.class,
					RestClientObservationAutoConfiguration.class))
			.run((context) -> {
				assertThat(clientType.of(context, "acme").status("/things")).isEqualTo(200);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				Timer api = registry.get("http.client.requests").tag("uri", "/things").tag("status", "200").timer();
				assertThat(api.count()).isEqualTo(1);
				assertThat(registry.get("partner.apis.token.fetch").tag("partner", "acme").timer().count())
					.isEqualTo(1);
			});
	}

	@Test
	void noMeterBinderWithoutMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PartnerApis.class)
			.doesNotHaveBean(MeterRegistry.class)
			.doesNotHaveBean(PartnerApisMeterBinder.class));
	}

	@Test
	void noMeterBinderWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(PartnerApis.class)
				.doesNotHaveBean("partnerApisMeterBinder"));
	}

	@Test
	void meterBinderIsCreatedWithAnApplicationMeterRegistry() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasSingleBean(PartnerApisMeterBinder.class));
	}

	@Test
	void meterBinderBacksOffForAUserBeanOfItsName() {
		this.bootMetricsRunner
			.withBean("partnerApisMeterBinder", MeterBinder.class,
					() -> (registry) -> registry.gauge("user.partner.meter", 1))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PartnerApisMeterBinder.class).hasBean("partnerApisMeterBinder");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("user.partner.meter").gauge()).isNotNull();
				assertThat(registry.find(PartnerApisMeterBinder.TOKEN_EXPIRY).meters()).isEmpty();
				assertThat(registry.find(PartnerApisMeterBinder.UNAUTHORIZED_RETRIES).meters()).isEmpty();
			});
	}

	@Test
	void meterBinderStaysBesideUserBindersOfOtherNames() {
		this.bootMetricsRunner
			.withBean("myBinder", MeterBinder.class, () -> (registry) -> registry.gauge("user.partner.meter", 1))
			.run((context) -> {
				assertThat(context).hasSingleBean(PartnerApisMeterBinder.class).hasBean("myBinder");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("user.partner.meter").gauge()).isNotNull();
				assertThat(registry.find(PartnerApisMeterBinder.TOKEN_EXPIRY)
					.tag(PartnerApisMeterBinder.PARTNER_TAG, "acme")
					.gauge()).isNotNull();
			});
	}

	@Test
	void noMeterBinderWithoutPartnerApis() {
		PartnerContexts.runner()
			.withConfiguration(AutoConfigurations.of(PartnerApisMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).doesNotHaveBean(PartnerApis.class)
				.doesNotHaveBean("partnerApisMeterBinder"));
	}

}
