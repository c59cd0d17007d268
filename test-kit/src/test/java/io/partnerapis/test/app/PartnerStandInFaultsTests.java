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

import java.time.Duration;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.partnerapis.PartnerApis;
import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each scripted fault, on a partner of its own so that no test meets the tokens another
 * one left. The partners are named freely and select their provider; they have no
 * credentials, so the stand-ins' test values fill in.
 */
@SpringBootTest(properties = { "partner.apis.revoked.provider=budsense", "partner.apis.flaky.provider=smartsense",
		"partner.apis.failing.provider=bemobi", "partner.apis.slow.provider=buoy",
		"partner.apis.brief.provider=generic", "partner.apis.brief.client-authentication-method=client-secret-post",
		"partner.apis.misconfigured.provider=buoy", "partner.apis.misconfigured.audience=https://api.example.com",
		"partner.apis.misconfigured.token.max-retries=0" })
@AutoConfigurePartnerStandIns
class PartnerStandInFaultsTests {

	@Autowired
	private PartnerStandIns standIns;

	@Autowired
	private PartnerApis partnerApis;

	@Test
	void revokedTokensAreAnswered401AndTheStarterRecoversWithANewOne() {
		PartnerStandIn revoked = served("revoked");
		assertThat(call("revoked")).isEqualTo("{}");
		revoked.revokeAllTokens();
		assertThat(call("revoked")).isEqualTo("{}");
		assertThat(revoked).receivedTokenRequests(2).issuedTokens(2).receivedApiRequests(3);
		assertThat(revoked.refusals()).containsExactly("missing or invalid bearer token");
	}

	@Test
	void unauthorizedOnceAnswersTheNextCallOnly() {
		PartnerStandIn flaky = served("flaky");
		assertThat(call("flaky")).isEqualTo("{}");
		flaky.unauthorizedOnce();
		assertThat(call("flaky")).isEqualTo("{}");
		assertThat(call("flaky")).isEqualTo("{}");
		assertThat(flaky).receivedApiRequests(4).everyApiRequestCarriedAnIssuedToken();
		assertThat(flaky.refusals()).containsExactly("unauthorized once");
	}

	@Test
	void aFailingTokenEndpointFailsTheCallAndIsAskedOnceWhenItSaysRetryAfter() {
		PartnerStandIn failing = served("failing").tokenEndpointAnswers(503, Duration.ofSeconds(30));
		assertThatException().isThrownBy(() -> call("failing"));
		assertThat(failing).receivedTokenRequests(1).issuedTokens(0).receivedApiRequests(0);
		assertThat(failing.tokenRequests().get(0).getHeader("Content-Type")).startsWith("application/x-www-form");
		assertThat(failing.refusals()).containsExactly("token endpoint answers 503");
	}

	@Test
	void aSlowTokenEndpointDelaysTheFirstCall() {
		served("slow").slowTokenEndpoint(Duration.ofMillis(800));
		long started = System.nanoTime();
		assertThat(call("slow")).isEqualTo("{}");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
	}

	@Test
	void tokensLiveAsScripted() {
		PartnerStandIn brief = served("brief").tokensLive(Duration.ofSeconds(7));
		assertThat(call("brief")).isEqualTo("{}");
		assertThat(brief.server().getAllServeEvents()).map(ServeEvent::getResponse)
			.anySatisfy((response) -> assertThat(response.getBodyAsString()).contains("\"expires_in\":7"));
		assertThat(this.partnerApis.get("brief").getTokenState().expiresAt()).isNotNull();
	}

	@Test
	void aMisconfiguredPartnerIsRefusedAsThePartnerWouldRefuseIt() {
		PartnerStandIn misconfigured = served("misconfigured");
		assertThatException().isThrownBy(() -> call("misconfigured"));
		assertThat(misconfigured).issuedTokens(0);
		assertThat(misconfigured.refusals()).contains("token request not as documented");
	}

	@Test
	void resetForgetsTheTestsStubsFaultsAndJournalButKeepsTheDialect() {
		PartnerStandIn revoked = served("revoked").tokenEndpointAnswers(500);
		revoked.reset();
		assertThat(revoked.server().getStubMappings()).allSatisfy((mapping) -> {
			assertThat(mapping.getMetadata()).isNotNull();
			assertThat(String.valueOf(mapping.getName())).doesNotContain("token endpoint answers");
		});
		assertThat(revoked.tokenRequests()).isEmpty();
		assertThat(revoked.issuedTokens()).isEmpty();
		assertThat(this.partnerApis.webClient("revoked").get().uri("/v1/anything").exchangeToMono((response) -> {
			assertThat(response.statusCode().value()).as("no stub after reset: WireMock's 404").isEqualTo(404);
			return response.releaseBody();
		}).then().block()).isNull();
	}

	private PartnerStandIn served(String partner) {
		PartnerStandIn standIn = this.standIns.partner(partner);
		standIn.server().stubFor(get(urlPathEqualTo("/v1/anything")).willReturn(okJson("{}")));
		return standIn;
	}

	private String call(String partner) {
		return this.partnerApis.webClient(partner)
			.get()
			.uri("/v1/anything")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(20));
	}

}
