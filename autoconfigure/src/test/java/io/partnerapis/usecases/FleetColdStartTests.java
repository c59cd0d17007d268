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

import java.util.List;
import java.util.Map;

import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances that share a Redis start cold and are each hit by 60 concurrent calls
 * at the same moment: one token request serves the whole fleet.
 */
class FleetColdStartTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void threeInstancesHitAtOnceMakeOneTokenRequest() {
		fleet.partner().tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 300);
		fleet.partner().apiAnswers("/things", "token-1", 200);
		fleet.run(3, Map.of(), (instances) -> {
			List<Integer> statuses = instances.callAtOnce("/things", 60);
			assertThat(statuses).hasSize(180).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).isEqualTo(1);
			assertThat(fleet.partner().apiRequests()).hasSize(180);
		});
	}

}
