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

import io.partnerapis.test.PartnerStandIns;
import io.partnerapis.test.autoconfigure.PartnerApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice brings the partners' clients, their stand-ins and the named component, and
 * leaves the application's other components out.
 */
@PartnerApiTest(Invoices.class)
class PartnerApiTestTests {

	@Autowired
	private Invoices invoices;

	@Autowired
	private PartnerStandIns standIns;

	@Autowired
	private ApplicationContext context;

	@Test
	void theNamedComponentCallsItsPartnerThroughTheStandIn() {
		this.standIns.partner("bemobi")
			.server()
			.stubFor(get(urlPathEqualTo("/v1/invoices")).willReturn(okJson("{\"invoices\":[]}")));
		assertThat(this.invoices.invoices()).isEqualTo("{\"invoices\":[]}");
		assertThat(this.standIns.partner("bemobi")).receivedTokenRequests(1)
			.everyApiRequestCarriedAnIssuedToken()
			.refusedNothing();
	}

	@Test
	void otherComponentsAreLeftOut() {
		assertThat(this.context.getBeanNamesForType(Unrelated.class)).isEmpty();
	}

}
