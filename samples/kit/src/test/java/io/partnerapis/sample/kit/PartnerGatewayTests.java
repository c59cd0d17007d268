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

package io.partnerapis.sample.kit;

import io.partnerapis.sample.kit.PartnerGateway.PartnerUnavailableException;
import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PartnerGateway} against each of the five partners' stand-ins, as the README's
 * "Testing your integration" shows: the application's own {@code application.yml}, whose
 * credentials come from variables this machine lacks, and not one token endpoint stubbed
 * by hand. The token-endpoint failure runs last, since the failure it leaves behind (the
 * partner's back-off, the revoked token) would meet the other scenarios; renewals forced
 * by a 401 are allowed at any time here, so that the failure scenario reaches the token
 * endpoint whatever ran before it.
 */
@SpringBootTest(properties = { "partner.apis.budsense.unauthorized-renewal-interval=1ms",
		"partner.apis.bud.unauthorized-renewal-interval=1ms", "partner.apis.bemobi.unauthorized-renewal-interval=1ms",
		"partner.apis.smartsense.unauthorized-renewal-interval=1ms",
		"partner.apis.buoy.unauthorized-renewal-interval=1ms" })
@AutoConfigurePartnerStandIns
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerGatewayTests {

	@Autowired
	PartnerGateway gateway;

	@Autowired
	PartnerStandIns standIns;

	@Order(1)
	@ParameterizedTest
	@ValueSource(strings = { "budsense", "bud", "bemobi", "smartsense", "buoy" })
	void theStubbedAnswerComesBack(String partner) {
		PartnerStandIn standIn = stubbed(partner);
		assertThat(this.gateway.summary(partner)).isEqualTo("{\"partner\":\"" + partner + "\"}");
		assertThat(standIn).receivedApiRequests(1).everyApiRequestCarriedAnIssuedToken().refusedNothing();
	}

	@Order(2)
	@ParameterizedTest
	@ValueSource(strings = { "budsense", "bud", "bemobi", "smartsense", "buoy" })
	void oneTokenServesManyCalls(String partner) {
		PartnerStandIn standIn = stubbed(partner);
		int tokensBefore = standIn.issuedTokens().size();
		for (int i = 0; i < 10; i++) {
			this.gateway.summary(partner);
		}
		assertThat(standIn).receivedApiRequests(10).usedOneTokenForEveryApiRequest().refusedNothing();
		assertThat(standIn.issuedTokens().size() - tokensBefore).isLessThanOrEqualTo(1);
	}

	@Order(3)
	@ParameterizedTest
	@ValueSource(strings = { "budsense", "bud", "bemobi", "smartsense", "buoy" })
	void aRevokedTokenIsReplacedWithoutTheCallerNoticing(String partner) {
		PartnerStandIn standIn = stubbed(partner);
		this.gateway.summary(partner);
		int tokensBefore = standIn.issuedTokens().size();
		standIn.revokeAllTokens();
		assertThat(this.gateway.summary(partner)).isEqualTo("{\"partner\":\"" + partner + "\"}");
		assertThat(standIn.issuedTokens()).hasSize(tokensBefore + 1);
		assertThat(standIn.refusals()).hasSize(1);
	}

	@Order(4)
	@ParameterizedTest
	@ValueSource(strings = { "budsense", "bud", "bemobi", "smartsense", "buoy" })
	void aTokenEndpointFailureIsReportedWithThePartnersName(String partner) {
		PartnerStandIn standIn = stubbed(partner);
		standIn.revokeAllTokens();
		standIn.tokenEndpointAnswers(503);
		assertThatExceptionOfType(PartnerUnavailableException.class).isThrownBy(() -> this.gateway.summary(partner))
			.withMessageContaining("Partner '" + partner + "' is unavailable");
		assertThat(standIn).receivedApiRequests(1);
		assertThat(standIn.refusals()).startsWith("missing or invalid bearer token")
			.as("the renewal reached the failing token endpoint")
			.contains("token endpoint answers 503");
	}

	private PartnerStandIn stubbed(String partner) {
		PartnerStandIn standIn = this.standIns.partner(partner);
		standIn.server()
			.stubFor(get(urlPathMatching("/v1/.*")).willReturn(okJson("{\"partner\":\"" + partner + "\"}")));
		return standIn;
	}

}
