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
 * An instance whose token the partner rejects within its
 * {@code unauthorized-renewal-interval} may not renew, but another instance has renewed
 * meanwhile: it takes the stored token and replays, at no token's cost.
 */
class FleetUnauthorizedWithinIntervalTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void unauthorizedWithinTheIntervalReplaysWithATokenAnotherInstanceSaved() {
		PartnerStub partner = fleet.partner();
		partner.tokens(10, 3600);
		partner.apiAnswers("/things", "token-1", 200);
		fleet.run(2, Map.of("unauthorized-renewal-interval", "1h"), (instances) -> {
			assertThat(PartnerStub.call(instances.webClient(0), "/things")).isEqualTo(200);
			partner.apiAnswers("/things", "token-1", 401);
			partner.apiAnswers("/things", "token-2", 200);
			assertThat(PartnerStub.call(instances.webClient(0), "/things"))
				.as("the first instance renews for its first 401, and its interval starts")
				.isEqualTo(200);
			partner.apiAnswers("/things", "token-2", 401);
			partner.apiAnswers("/things", "token-3", 200);
			assertThat(PartnerStub.call(instances.webClient(1), "/things"))
				.as("the second instance renews for its own first 401 and saves token-3")
				.isEqualTo(200);
			assertThat(partner.tokenRequests()).isEqualTo(3);
			assertThat(PartnerStub.call(instances.webClient(0), "/things"))
				.as("the first instance, within its interval, replays with the stored token-3")
				.isEqualTo(200);
			assertThat(partner.tokenRequests()).as("no token request for that").isEqualTo(3);
		});
	}

}
