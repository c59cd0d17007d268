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

import java.util.Map;

import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token revoked by the partner and met with 401 on all three instances of a fleet costs
 * one renewal for the whole fleet.
 */
class FleetRevocationTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void revocationMetOnEveryInstanceCostsOneRenewal() {
		fleet.partner().tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 200);
		fleet.partner().apiAnswers("/things", "token-1", 200);
		fleet.run(3, Map.of(), (instances) -> {
			assertThat(instances.callAtOnce("/things", 2)).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).isEqualTo(1);
			fleet.partner().apiAnswers("/things", "token-1", 401);
			fleet.partner().apiAnswers("/things", "token-2", 200);
			assertThat(instances.callAtOnce("/things", 20)).hasSize(60).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).as("one for the start, one for the revocation").isEqualTo(2);
			assertThat(fleet.redis().raw().keys("*:token")).hasSize(1);
		});
	}

}
