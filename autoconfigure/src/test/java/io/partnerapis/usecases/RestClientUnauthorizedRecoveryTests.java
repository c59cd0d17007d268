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

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.autoconfigure.PartnerApisMetricsAutoConfiguration;
import io.partnerapis.testsupport.PartnerClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ClientHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractUnauthorizedRecoveryTests} for a partner's RestClient, and the retries
 * of both client types of one partner counted together.
 */
class RestClientUnauthorizedRecoveryTests extends AbstractUnauthorizedRecoveryTests {

	RestClientUnauthorizedRecoveryTests() {
		super(PartnerClient.Type.REST_CLIENT);
	}

	@Override
	ApplicationContextRunner withRetryOnceOn503(ApplicationContextRunner runner, Runnable meanwhile) {
		return runner.withBean(PartnerRestClientCustomizer.class,
				() -> (name, builder) -> builder.requestInterceptor((request, body, execution) -> {
					ClientHttpResponse response = execution.execute(request, body);
					if (response.getStatusCode().value() != 503) {
						return response;
					}
					response.close();
					meanwhile.run();
					return execution.execute(request, body);
				}));
	}

	/**
	 * Both client types of one partner at once: written once, here.
	 */
	@Test
	void retriesOfRestClientAndWebClientAreCountedTogether() {
		this.partner.tokens(5, 3600);
		rejectToken("token-1");
		rejectToken("token-2");
		acceptToken("token-3");
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.unauthorized-renewal-interval=1ms")
			.withConfiguration(
					AutoConfigurations.of(PartnerApisMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				assertThat(client(context).status("/things")).isEqualTo(401);
				assertThat(PartnerClient.Type.WEB_CLIENT.of(context, "acme").status("/things")).isEqualTo(200);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(retries(registry, UnauthorizedRetryOutcome.FAILED)).isEqualTo(1);
				assertThat(retries(registry, UnauthorizedRetryOutcome.RECOVERED)).isEqualTo(1);
				assertThat(this.partner.tokenRequests()).isEqualTo(3);
			});
	}

	private static double retries(MeterRegistry registry, UnauthorizedRetryOutcome outcome) {
		return registry.get("partner.apis.unauthorized.retries")
			.tag("partner", "acme")
			.tag("outcome", outcome.tagValue())
			.functionCounter()
			.count();
	}

}
