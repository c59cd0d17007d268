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

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two services that share Redis and a client id but ask for tokens of different resources
 * never share a token: each token request is made, and each service presents its own
 * token.
 */
class FleetTokenFingerprintTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void servicesThatAskForDifferentResourcesEachPresentTheirOwnToken() {
		PartnerStub partner = fleet.partner();
		for (String resource : new String[] { "orders", "invoices" }) {
			partner
				.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).withRequestBody(containing("resource=" + resource))
					.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-" + resource, 3600))));
		}
		partner.apiAlwaysAnswers("/things", 200);
		fleet.instance(Map.of("token.parameters.resource", "orders"))
			.run((orders) -> fleet.instance(Map.of("token.parameters.resource", "invoices")).run((invoices) -> {
				assertThat(fleet.presented(orders)).isEqualTo("Bearer token-orders");
				assertThat(fleet.presented(invoices)).isEqualTo("Bearer token-invoices");
				assertThat(fleet.presented(orders)).isEqualTo("Bearer token-orders");
			}));
		assertThat(partner.tokenRequests()).as("one token per resource").isEqualTo(2);
		assertThat(fleet.redis().raw().keys("*:token")).hasSize(2);
	}

}
