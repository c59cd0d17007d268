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

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly quota cannot be exceeded: each token request is reserved in Redis before it
 * is sent, with one atomic check-and-increment that refuses at the quota, and a request
 * whose answer never arrived still counts.
 */
class FleetQuotaReservationTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void instancesFetchingTogetherNeverPassTheQuotaTogether() {
		PartnerStub partner = fleet.partner();
		partner.tokens(5, 3600);
		partner.apiAlwaysAnswers("/things", 200);
		fleet.run(3, Map.of("token.monthly-quota", "1", "token.response-timeout", "5s"), (instances) -> {
			fleet.redis().raw().psetex(fleet.redisKey("lease"), 8000, "an instance that died");
			assertThat(instances.callAtOnce("/things", 5)).contains(200);
			assertThat(partner.tokenRequests()).as("the quota of 1").isEqualTo(1);
			assertThat(fleet.stored(countKey())).isEqualTo("1");
		});
	}

	@Test
	void requestWhoseAnswerNeverArrivedCounts() {
		PartnerStub partner = fleet.partner();
		partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("late")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("answered late")
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-late", 3600)).withFixedDelay(6000)));
		partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("late")
			.whenScenarioStateIs("answered late")
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-2", 3600))));
		partner.apiAnswers("/things", "token-2", 200);
		Map<String, String> properties = Map.of("token.monthly-quota", "10", "token.response-timeout", "3s",
				"token.max-retries", "1", "token.retry-backoff", "50ms");
		fleet.run(1, properties, (instances) -> {
			assertThat(PartnerStub.call(instances.webClient(0), "/things")).isEqualTo(200);
			assertThat(partner.tokenRequests()).isEqualTo(2);
			assertThat(fleet.stored(countKey())).as("the timed-out request and its retry").isEqualTo("2");
		});
	}

	private static String countKey() {
		return ("count:" + YearMonth.now(ZoneOffset.UTC));
	}

}
