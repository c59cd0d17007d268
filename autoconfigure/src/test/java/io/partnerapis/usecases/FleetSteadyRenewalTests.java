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

import io.partnerapis.testsupport.Fleet;
import io.partnerapis.testsupport.FleetExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances under steady load for three token lifetimes renew once per lifetime for
 * the whole fleet: one instance renews, the others pick its token up.
 */
class FleetSteadyRenewalTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void fleetRenewsOncePerTokenLifetime() {
		fleet.partner().tokens(50, 3);
		fleet.partner().apiAlwaysAnswers("/things", 200);
		fleet.run(3, Map.of("refresh-before-expiry", "500ms"), (instances) -> {
			Fleet.Load load = instances.load("/things", Duration.ofMillis(20));
			// Real time: the fleet's instances keep their own clocks; this is the
			// real-time scenario of renewal shared across instances, three token
			// lifetimes long.
			Thread.sleep(9000);
			load.stop();
			assertThat(load.statuses()).hasSizeGreaterThan(300).containsOnly(200);
			assertThat(fleet.partner().tokenRequests())
				.as("three lifetimes of 3 s tokens renewed 2.5 s after issue: at most lifetimes + 1")
				.isLessThanOrEqualTo(4);
		});
	}

}
