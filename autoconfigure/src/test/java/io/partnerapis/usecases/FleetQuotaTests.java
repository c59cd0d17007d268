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

import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.autoconfigure.PartnerHealth;
import io.partnerapis.testsupport.Fleet;
import io.partnerapis.testsupport.FleetExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monthly quota of 3 and tokens of one second: two instances calling for six seconds
 * make at most 3 token requests, then calls fail at once with an error that says why.
 */
class FleetQuotaTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void fleetNeverExceedsTheMonthlyQuota() {
		fleet.partner().tokens(20, 1);
		fleet.partner().apiAlwaysAnswers("/things", 200);
		Map<String, String> properties = Map.of("token.monthly-quota", "3");
		fleet.run(2, properties, (instances) -> {
			Fleet.Load load = instances.load("/things", Duration.ofMillis(25));
			// Real time: the instances keep their own clocks; 6 s of 1 s tokens is
			// twice what the quota of 3 allows, so the quota is proved under load, in
			// real time, once.
			Thread.sleep(6000);
			load.stop();
			assertThat(fleet.partner().tokenRequests()).isLessThanOrEqualTo(3);
			assertThat(load.statuses()).contains(200, -1);
			assertThat(load.errors()).isNotEmpty()
				.allSatisfy((error) -> assertThat(error).isInstanceOf(PartnerTokenQuotaException.class)
					.hasMessageContaining("Partner 'acme' has issued its monthly quota of 3 tokens for ")
					.hasMessageContaining("no token is requested until the quota resets at "));
			for (int i = 0; i < 2; i++) {
				PartnerApis apis = instances.instances().get(i).getBean(PartnerApis.class);
				assertThat(apis.get("acme").getTokenQuota().remaining()).isZero();
				Health health = PartnerHealth.of(apis.get("acme"));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("quota").toString()).startsWith("3 of 3 tokens issued in ")
					.contains("none left until");
			}
			assertThat(fleet.redis().raw().keys("*:count:*")).hasSize(1)
				.allSatisfy((key) -> assertThat(fleet.redis().raw().get(key)).isEqualTo("3"));
		});
	}

}
