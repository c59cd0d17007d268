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

package io.partnerapis.usecases;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.autoconfigure.PartnerApisMetricsAutoConfiguration;
import io.partnerapis.autoconfigure.PartnerHealth;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every instance shows the fleet's quota count, not its own: an instance that never
 * fetches sees another's token request in its gauge, endpoint and health within a few
 * seconds, also one started after the request, and one that loads a token from the store
 * sees the count at once.
 */
class FleetQuotaFiguresTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	/**
	 * A quota of 1000, and token requests given time enough on a loaded machine.
	 */
	private static final Map<String, String> QUOTA = Map.of("token.monthly-quota", "1000", "token.response-timeout",
			"10s");

	@Test
	void instanceThatNeverFetchesShowsTheFleetsCount() {
		PartnerStub partner = fleet.partner();
		partner.tokens(5, 3600);
		partner.apiAlwaysAnswers("/things", 200);
		fleet.instance(QUOTA).run((a) -> withMetrics(fleet.instance(QUOTA)).run((b) -> {
			MeterRegistry registryOfB = b.getBean(MeterRegistry.class);
			assertThat(remaining(registryOfB)).isEqualTo(1000);
			assertThat(PartnerStub.call(a.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(remaining(registryOfB)).isEqualTo(999));
			assertThat(acme(b).getTokenQuota().remaining()).isEqualTo(999);
			assertThat(PartnerHealth.of(acme(b)).getDetails().get("quota").toString())
				.startsWith("1 of 1000 tokens issued in ");
			assertThat(partner.tokenRequests()).as("A's request only").isEqualTo(1);
			fleet.instance(QUOTA).run((c) -> {
				assertThat(PartnerStub.call(c.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(acme(c).getTokenQuota().remaining()).isEqualTo(999));
			});
			assertThat(partner.tokenRequests()).as("C loaded A's token").isEqualTo(1);
		}));
	}

	@Test
	void instanceStartedAfterTheFleetFetchedShowsTheFleetsCountWithoutWaitingForASave() {
		PartnerStub partner = fleet.partner();
		partner.tokens(5, 3600);
		partner.apiAlwaysAnswers("/things", 200);
		fleet.instance(QUOTA).run((a) -> {
			assertThat(PartnerStub.call(a.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			withMetrics(fleet.instance(QUOTA)).run((b) -> {
				MeterRegistry registryOfB = b.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(remaining(registryOfB)).isEqualTo(999));
				assertThat(acme(b).getTokenQuota().remaining()).isEqualTo(999);
			});
		});
		assertThat(partner.tokenRequests()).as("A's request only").isEqualTo(1);
	}

	private static PartnerApi acme(AssertableApplicationContext context) {
		return context.getBean(PartnerApis.class).get("acme");
	}

	private static ApplicationContextRunner withMetrics(ApplicationContextRunner instance) {
		return instance.withConfiguration(
				AutoConfigurations.of(PartnerApisMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
						CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
	}

	private static double remaining(MeterRegistry registry) {
		return registry.get("partner.apis.token.quota.remaining").gauge().value();
	}

}
