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

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance that starts while the fleet holds a token not yet due for renewal uses it.
 */
class FleetRestartTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void restartedInstanceUsesTheFleetsTokenWithoutARequest() {
		fleet.partner().tokens(5, 3600);
		fleet.partner().apiAnswers("/things", "token-1", 200);
		fleet.run(2, Map.of(), (instances) -> {
			assertThat(instances.callAtOnce("/things", 5)).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).isEqualTo(1);
		});
		fleet.run(1, Map.of(), (restarted) -> {
			assertThat(restarted.callAtOnce("/things", 5)).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).as("no request after the restart").isEqualTo(1);
		});
	}

	@Test
	void restartedInstanceUsesTheFleetsDueTokenWhileTheTokenEndpointFails() {
		PartnerStub partner = fleet.partner();
		partner.tokens(5, 3600);
		partner.apiAnswers("/things", "token-1", 200);
		MutableClock clock = new MutableClock();
		fleet.instance(Map.of())
			.withBean(Clock.class, () -> clock)
			.run((first) -> assertThat(PartnerStub.call(first.getBean("acmeWebClient", WebClient.class), "/things"))
				.isEqualTo(200));
		partner.tokenEndpointFails(503, "{}");
		clock.advance(Duration.ofSeconds(3590));
		fleet.instance(Map.of()).withBean(Clock.class, () -> clock).run((restarted) -> {
			WebClient webClient = restarted.getBean("acmeWebClient", WebClient.class);
			assertThat(PartnerStub.call(webClient, "/things")).as("token-1 is due for renewal but still valid")
				.isEqualTo(200);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(partner.tokenRequests()).as("one failed renewal, tried again later, not on every call")
				.isEqualTo(2);
			assertThat(partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsOnly("Bearer token-1");
		});
	}

}
