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

import io.partnerapis.PartnerApiException;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A partner's token and headers never go to another origin, neither by a request to it
 * nor through a redirect, whatever the application's redirect setting; the same for each
 * client type of a partner, which a subclass names.
 */
abstract class AbstractOriginGuardTests extends AbstractPartnerClientTests {

	@RegisterExtension
	final PartnerStub elsewhere = new PartnerStub();

	AbstractOriginGuardTests(PartnerClient.Type clientType) {
		super(clientType);
	}

	@Test
	void requestToAnotherOriginIsRefusedAndNothingIsSent() {
		this.partner.tokens(5, 3600);
		this.elsewhere.stub(get(urlPathEqualTo("/steal")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient client = client(context);
			assertThatExceptionOfType(PartnerApiException.class)
				.isThrownBy(() -> client.body(this.elsewhere.baseUrl() + "/steal"))
				.withMessageContaining("'acme' " + clientType().label())
				.withMessageContaining("http://127.0.0.1:" + this.elsewhere.server().port())
				.withMessageContaining("partner.apis.acme.base-url");
			assertThat(this.elsewhere.server().getAllServeEvents()).isEmpty();
			assertThat(this.partner.tokenRequests()).isZero();
		});
	}

	@Test
	void absoluteUrlOnThePartnersOriginIsAllowedAndOtherNamesForItAreNot() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient client = client(context);
			assertThat(client.body("HTTP://127.0.0.1:" + this.partner.server().port() + "/things")).isEqualTo("{}");
			for (String other : new String[] { "http://localhost:" + this.partner.server().port(),
					"https://127.0.0.1:" + this.partner.server().port(), "http://127.0.0.1" }) {
				assertThatExceptionOfType(PartnerApiException.class).as(other)
					.isThrownBy(() -> client.body(other + "/things"));
			}
			assertThat(this.partner.apiRequests()).hasSize(1)
				.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
		});
	}

	@ParameterizedTest(name = "spring.http.clients.redirects={0}")
	@ValueSource(strings = { "", "follow", "follow-when-possible" })
	void redirectsToAnotherOriginAreNotFollowed(String redirects) {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", this.elsewhere.baseUrl() + "/steal")));
		this.elsewhere.apiAlwaysAnswers("/steal", 200);
		this.partner.contextRunner("acme")
			.withPropertyValues(this.partner.properties("acme", Map.of("headers.X-Api-Key", "key-of-acme")))
			.withPropertyValues(
					redirects.isEmpty() ? new String[0] : new String[] { "spring.http.clients.redirects=" + redirects })
			.run((context) -> {
				assertThat(client(context).status("/things")).isEqualTo(307);
				assertThat(this.partner.apiRequests()).hasSize(1);
				assertThat(this.elsewhere.server().getAllServeEvents()).isEmpty();
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
			});
	}

}
