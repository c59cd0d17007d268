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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two instances that share a Redis: the one holding the token lease fails its token
 * request, and the other, which was waiting for it, takes the lease over about a second
 * later instead of waiting out the lease.
 */
class FleetLeaseHolderFailureTests {

	/**
	 * Token requests may take 20 s, so the lease lasts longer than that.
	 */
	private static final Map<String, String> LONG_TOKEN_REQUESTS = Map.of("token.response-timeout", "20s");

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void waiterTakesTheLeaseOverWhenTheHolderFails() throws Exception {
		PartnerStub partner = fleet.partner();
		partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("holder fails")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500).withFixedDelay(1500))
			.willSetStateTo("recovered"));
		partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("holder fails")
			.whenScenarioStateIs("recovered")
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-1", 3600))));
		partner.apiAnswers("/things", "token-1", 200);
		fleet.run(2, LONG_TOKEN_REQUESTS, (instances) -> {
			CompletableFuture<Integer> holder = CompletableFuture
				.supplyAsync(() -> PartnerStub.call(instances.webClient(0), "/things"));
			await().atMost(Duration.ofSeconds(10)).until(() -> partner.tokenRequests() > 0);
			long start = System.nanoTime();
			int status = PartnerStub.call(instances.webClient(1), "/things");
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			assertThat(status).isEqualTo(200);
			assertThat(waited).as("well inside the holder's lease of more than 20 s")
				.isLessThan(Duration.ofSeconds(10));
			assertThat(partner.tokenRequests()).isEqualTo(2);
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> holder.get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(PartnerTokenException.class);
		});
	}

}
