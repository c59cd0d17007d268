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

import java.time.Clock;
import java.time.Duration;

import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 401 answers that a new token cannot fix cost no tokens: an endpoint that always answers
 * 401 beside endpoints that accept the same token, a 401 that says
 * {@code insufficient_scope}, and 403.
 */
class UnauthorizedSpendGuardTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void acceptedAnswersFromOtherEndpointsDoNotResetTheDoublingOfForcedRenewals() {
		this.partner.tokens(30, 3600);
		this.partner.apiAlwaysAnswers("/always-401", 401);
		this.partner.apiAlwaysAnswers("/fine", 200);
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.unauthorized-renewal-interval=1s")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				for (int round = 0; round < 12; round++) {
					assertThat(PartnerStub.call(webClient, "/always-401")).isEqualTo(401);
					assertThat(PartnerStub.call(webClient, "/fine")).isEqualTo(200);
					clock.advance(Duration.ofMillis(1100));
				}
				assertThat(this.partner.tokenRequests()).isLessThanOrEqualTo(5);
			});
	}

	@Test
	void aDayOfAnAlwaysRejectingEndpointBesideAcceptingOnesCostsAboutThirtyTokens() {
		MutableClock clock = new MutableClock();
		this.partner.tokens(200, 10 * 86400);
		this.partner.apiAlwaysAnswers("/always-401", 401);
		this.partner.apiAlwaysAnswers("/fine", 200);
		this.partner.contextRunner("acme")
			.withBean(Clock.class, () -> clock)
			.withPropertyValues("partner.apis.acme.unauthorized-renewal-interval=30s")
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				for (Duration elapsed = Duration.ZERO; elapsed.compareTo(Duration.ofDays(1)) < 0; elapsed = elapsed
					.plusMinutes(1)) {
					assertThat(PartnerStub.call(webClient, "/always-401")).isEqualTo(401);
					assertThat(PartnerStub.call(webClient, "/fine")).isEqualTo(200);
					clock.advance(Duration.ofMinutes(1));
				}
				assertThat(this.partner.tokenRequests()).isBetween(20, 32);
			});
	}

	@Test
	void insufficientScopeNeverRenewsNorReplays() {
		this.partner.tokens(30, 3600);
		this.partner.stub(get(urlPathEqualTo("/admin")).willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Bearer realm=\"acme\", error=\"insufficient_scope\", scope=\"admin\"")));
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 20; i++) {
				assertThat(PartnerStub.call(webClient, "/admin")).isEqualTo(401);
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).hasSize(20);
			assertThat(context.getBean(PartnerApis.class)
				.get("acme")
				.getUnauthorizedCount(UnauthorizedRetryOutcome.SKIPPED)).isEqualTo(20);
		});
	}

	@Test
	void forbiddenNeverRenews() {
		this.partner.tokens(30, 3600);
		this.partner.apiAlwaysAnswers("/forbidden", 403);
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 20; i++) {
				assertThat(PartnerStub.call(webClient, "/forbidden")).isEqualTo(403);
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).hasSize(20);
		});
	}

}
