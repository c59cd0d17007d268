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
import java.time.Instant;
import java.util.Map;

import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.Fleet;
import io.partnerapis.testsupport.FleetExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped and started again in the middle of a run: no call fails, each instance
 * carries on with its own token meanwhile, and sharing resumes by itself.
 */
class FleetRedisOutageTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void callsSucceedWhileRedisIsDownAndSharingResumesAfterwards() {
		fleet.partner().tokens(100, 2);
		fleet.partner().apiAlwaysAnswers("/things", 200);
		Map<String, String> properties = Map.of("refresh-before-expiry", "1s");
		fleet.run(3, properties, (instances) -> {
			Fleet.Load load = instances.load("/things", Duration.ofMillis(20));
			int before;
			int after;
			try {
				await().atMost(Duration.ofSeconds(15))
					.until(() -> !fleet.redis().raw().keys("*:token").isEmpty() && load.statuses().size() > 50);
				fleet.redis().stop();
				int atOutage = fleet.partner().tokenRequests();
				await().atMost(Duration.ofSeconds(15))
					.alias("each instance renews its token on its own while Redis is down")
					.until(() -> fleet.partner().tokenRequests() >= atOutage + 3);
				fleet.redis().start();
				Instant restarted = Instant.now();
				await().atMost(Duration.ofSeconds(15))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> !fleet.redis().raw().keys("*:token").isEmpty());
				await().atMost(Duration.ofSeconds(15))
					.alias("every instance has replaced the token it fetched while Redis was down")
					.until(() -> instances.instances()
						.stream()
						.map((instance) -> instance.getBean(PartnerApis.class).get("acme").getTokenState().expiresAt())
						.allMatch((expiresAt) -> expiresAt != null && expiresAt.isAfter(restarted.plusSeconds(2))));
				before = fleet.partner().tokenRequests();
				// Real time: the instances keep their own clocks, so the rate of token
				// requests with Redis back is counted over 4 s of real time.
				Thread.sleep(4000);
				after = fleet.partner().tokenRequests();
			}
			finally {
				load.stop();
			}
			assertThat(load.statuses()).hasSizeGreaterThan(300).containsOnly(200);
			assertThat(after - before)
				.as("with Redis back, 4 s of 2 s tokens renewed each second cost the fleet about 4 requests; "
						+ "three instances alone would make about 12")
				.isLessThanOrEqualTo(7);
		});
	}

}
