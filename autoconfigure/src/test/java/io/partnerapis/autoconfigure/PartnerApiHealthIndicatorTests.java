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

package io.partnerapis.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.TokenState;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PartnerApiHealthIndicator}, driven through real exchanges with a
 * WireMock partner. Every test also proves that checking health sent no token request.
 */
class PartnerApiHealthIndicatorTests {

	private static final String SECRET_ECHO = "{\"error\":\"server_error\",\"error_description\":\"rejected secret-acme\","
			+ "\"client_secret\":\"secret-acme\"}";

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void unknownBeforeTheFirstTokenFetch() {
		this.partner.tokens(1, 3600);
		this.partner.contextRunner("acme").run((context) -> {
			Health health = indicator(context.getBean(PartnerApis.class)).health();
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("provider", "generic")
				.containsEntry("tokenState", "NONE")
				.doesNotContainKeys("expiresAt", "error");
			assertThat(this.partner.tokenRequests()).isZero();
		});
	}

	@Test
	void upWhileAValidTokenIsCached() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme").run((context) -> {
			PartnerApis apis = context.getBean(PartnerApis.class);
			PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things");
			Health health = indicator(apis).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("tokenState", "VALID")
				.containsEntry("expiresAt", apis.get("acme").getTokenState().expiresAt())
				.doesNotContainKey("error");
			for (int i = 0; i < 5; i++) {
				indicator(apis).health();
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

	@Test
	void downWithTheFailureWhenTheFetchFailedAndNoTokenRemains() {
		this.partner.tokenEndpointFails(500, SECRET_ECHO);
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.max-retries=0")
			.run((context) -> {
				PartnerApis apis = context.getBean(PartnerApis.class);
				assertThatException()
					.isThrownBy(() -> PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"));
				Health health = indicator(apis).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("tokenState", "NONE").containsKey("failedAt");
				assertThat(health.getDetails().get("error")).asString()
					.startsWith("PartnerTokenException: ")
					.contains("HTTP 500")
					.contains("server_error");
				assertThat(health.toString()).doesNotContain("secret-acme").doesNotContain("client-acme");
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
			});
	}

	@Test
	void upAgainOnceAFetchSucceedsAfterAFailure() {
		this.partner.tokenEndpointFails(503, "{}");
		this.partner.apiAlwaysAnswers("/things", 200);
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withBean(Clock.class, () -> clock)
			.withPropertyValues("partner.apis.acme.token.max-retries=0")
			.run((context) -> {
				PartnerApis apis = context.getBean(PartnerApis.class);
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThatException().isThrownBy(() -> PartnerStub.call(webClient, "/things"));
				assertThat(indicator(apis).health().getStatus()).isEqualTo(Status.DOWN);
				this.partner.resetStubs();
				this.partner.tokens(1, 3600);
				this.partner.apiAlwaysAnswers("/things", 200);
				clock.advance(Duration.ofSeconds(2));
				assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
				Health health = indicator(apis).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).doesNotContainKey("error");
				assertThat(this.partner.tokenRequests()).isEqualTo(2);
			});
	}

	@Test
	void upWithTheFailureWhileAValidTokenOutlivesAFailedRenewal() {
		this.partner.tokens(1, 10);
		this.partner.apiAlwaysAnswers("/things", 200);
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.max-retries=0")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				PartnerApi api = context.getBean(PartnerApis.class).get("acme");
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
				Instant renewAt = api.getTokenState().renewAt();
				assertThat(renewAt).isNotNull();
				this.partner.resetStubs();
				this.partner.tokenEndpointFails(500, "{}");
				this.partner.apiAlwaysAnswers("/things", 200);
				clock.set(renewAt);
				assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
				await().atMost(Duration.ofSeconds(3)).until(() -> api.getTokenState().lastFetchFailed());
				TokenState state = api.getTokenState();
				Health health = new PartnerApiHealthIndicator(api).health();
				assertThat(state.status()).isEqualTo(TokenState.Status.VALID);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("tokenState", "VALID").containsKey("error");
				assertThat(this.partner.tokenRequests()).isEqualTo(2);
			});
	}

	@Test
	void upWhenTheLastFetchSucceededAndItsTokenHasSinceExpired() {
		this.partner.tokens(1, 1);
		this.partner.apiAlwaysAnswers("/things", 200);
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme").withBean(Clock.class, () -> clock).run((context) -> {
			PartnerApi api = context.getBean(PartnerApis.class).get("acme");
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			clock.set(api.getTokenState().expiresAt());
			assertThat(api.getTokenState().status()).isEqualTo(TokenState.Status.EXPIRED);
			Health health = new PartnerApiHealthIndicator(api).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("tokenState", "EXPIRED");
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

	private static PartnerApiHealthIndicator indicator(PartnerApis apis) {
		return new PartnerApiHealthIndicator(apis.get("acme"));
	}

}
