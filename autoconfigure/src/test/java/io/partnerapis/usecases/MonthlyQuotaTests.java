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
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.TokenQuota;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One instance with the in-memory store and a monthly quota: the last 10 % are kept for
 * renewals of expiring tokens, and a used-up quota stops token requests.
 */
class MonthlyQuotaTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void unauthorizedAnswerInTheLastTenPercentForcesNoRenewal() {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/things", "token-1", 401);
		this.partner.apiAnswers("/things", "token-2", 200);
		instanceWithIssued(8, 10).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			assertThat(PartnerStub.call(webClient, "/things")).as("the 401 goes back to the caller").isEqualTo(401);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(401);
			assertThat(this.partner.tokenRequests()).as("the first token only: 9 of 10 are used").isEqualTo(1);
		});
	}

	@Test
	void retriedRequestsThatThePartnerRefusedAreAllTakenBack() {
		this.partner.tokenEndpointFails(503, "{\"error\":\"temporarily_unavailable\"}");
		this.partner.apiAlwaysAnswers("/things", 200);
		PartnerTokenStore store = PartnerTokenStore.inMemory(Clock.systemUTC());
		PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("acme",
					Map.of("token.monthly-quota", "10", "token.max-retries", "2", "token.retry-backoff", "10ms")))
			.withBean(PartnerTokenStore.class, () -> store)
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> webClient.get().uri("/things").retrieve().toBodilessEntity().block());
				assertThat(this.partner.tokenRequests()).as("the request and its two retries").isEqualTo(3);
				assertThat(store.issued(this.partner.tokenKey("acme"), YearMonth.now(ZoneOffset.UTC)).block())
					.as("503 answers issue no token")
					.isZero();
			});
	}

	@Test
	void unauthorizedAnswerBelowTheReserveRenews() {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/things", "token-1", 401);
		this.partner.apiAnswers("/things", "token-2", 200);
		instanceWithIssued(7, 10).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void usedUpQuotaStopsTokenRequestsAndSaysWhy() {
		this.partner.tokens(5, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		instanceWithIssued(10, 10).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 3; i++) {
				assertThatExceptionOfType(PartnerTokenQuotaException.class)
					.isThrownBy(() -> webClient.get().uri("/things").retrieve().toBodilessEntity().block())
					.withMessageContaining("Partner 'acme' has issued its monthly quota of 10 tokens for "
							+ YearMonth.now(ZoneOffset.UTC));
			}
			assertThat(this.partner.tokenRequests()).isZero();
			assertThat(this.partner.apiRequests()).isEmpty();
		});
	}

	@Test
	void successfulAnswersWithAnUnusableBodyCountAgainstTheQuota() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).willReturn(PartnerStub.json("{\"ok\":1}")));
		MutableClock clock = new MutableClock();
		instanceWithIssued(8, 10).withBean(Clock.class, () -> clock).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 2; i++) {
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"))
					.withMessageContaining("HTTP 200");
				clock.advance(Duration.ofMinutes(2));
			}
			assertThatExceptionOfType(PartnerTokenQuotaException.class)
				.isThrownBy(() -> PartnerStub.call(webClient, "/things"));
			assertThat(this.partner.tokenRequests()).as("the two unusable answers used up the quota").isEqualTo(2);
		});
	}

	@Test
	void quotaMonthStartsInTheQuotaZone() {
		this.partner.tokens(5, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		MutableClock clock = new MutableClock(Instant.parse("2026-01-31T20:00:00Z"));
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.monthly-quota=10",
					"partner.apis.acme.token.quota-zone=Asia/Tokyo")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
					.isEqualTo(200);
				TokenQuota quota = context.getBean(PartnerApis.class).get("acme").getTokenQuota();
				assertThat(quota.month()).as("February in Tokyo").isEqualTo(YearMonth.of(2026, 2));
				assertThat(quota.issued()).isEqualTo(1);
				assertThat(quota.resetsAt()).isEqualTo(Instant.parse("2026-02-28T15:00:00Z"));
			});
	}

	/**
	 * Returns a runner for one instance whose store has counted the given number of
	 * tokens this month.
	 */
	private ApplicationContextRunner instanceWithIssued(int issued, int quota) {
		TokenKey key = this.partner.tokenKey("acme");
		PartnerTokenStore store = PartnerTokenStore.inMemory(Clock.systemUTC());
		for (int i = 0; i < issued; i++) {
			store.reserve(key, YearMonth.now(ZoneOffset.UTC), Long.MAX_VALUE).block();
		}
		return PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("acme", Map.of("token.monthly-quota", String.valueOf(quota))))
			.withBean(PartnerTokenStore.class, () -> store);
	}

}
