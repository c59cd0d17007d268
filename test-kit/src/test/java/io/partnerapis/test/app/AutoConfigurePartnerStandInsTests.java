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

package io.partnerapis.test.app;

import io.partnerapis.PartnerApis;
import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing but the application's own {@code application.yml}, every partner is called
 * through the starter against a stand-in that speaks its dialect, with WebClient,
 * RestClient and an HTTP service group alike.
 */
@SpringBootTest
@AutoConfigurePartnerStandIns
class AutoConfigurePartnerStandInsTests {

	@Autowired
	private PartnerStandIns standIns;

	@Autowired
	private PartnerApis partnerApis;

	@Autowired
	private SensorsApi sensors;

	@Autowired
	private ApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "budsense", "bud", "bemobi", "smartsense", "buoy", "ledger" })
	void everyPartnerIsCalledThroughItsWebClientWithOneToken(String partner) {
		PartnerStandIn standIn = this.standIns.partner(partner);
		standIn.server().stubFor(get(urlPathEqualTo("/v1/things")).willReturn(okJson("{\"things\":[]}")));
		for (int call = 0; call < 3; call++) {
			assertThat(this.partnerApis.webClient(partner)
				.get()
				.uri("/v1/things")
				.retrieve()
				.bodyToMono(String.class)
				.block()).isEqualTo("{\"things\":[]}");
		}
		assertThat(standIn).receivedApiRequests(3).usedOneTokenForEveryApiRequest().refusedNothing();
		assertThat(standIn.tokenRequests()).hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void restClientAndHttpServiceGroupShareTheWebClientsStandIn() {
		PartnerStandIn smartsense = this.standIns.partner("smartsense");
		smartsense.server().stubFor(get(urlPathEqualTo("/v1/sensors")).willReturn(okJson("{\"sensors\":[]}")));
		assertThat(this.partnerApis.restClient("smartsense").get().uri("/v1/sensors").retrieve().body(String.class))
			.isEqualTo("{\"sensors\":[]}");
		assertThat(this.sensors.sensors()).isEqualTo("{\"sensors\":[]}");
		smartsense.server().verify(2, getRequestedFor(urlPathEqualTo("/v1/sensors")));
		assertThat(smartsense).usedOneTokenForEveryApiRequest().refusedNothing();
	}

	@Test
	void missingVariablesAreReplacedByTestCredentialsAndTheStandInsPortsDiffer() {
		assertThat(this.context.getEnvironment().getProperty("partner.apis.bud.client-id")).isEqualTo("test-bud");
		assertThat(this.standIns.all()).extracting(PartnerStandIn::baseUrl).doesNotHaveDuplicates().hasSize(6);
		ContextIdentity.sameContextAs(this.context);
	}

}
