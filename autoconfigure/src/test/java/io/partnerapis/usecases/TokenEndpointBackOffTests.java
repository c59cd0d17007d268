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

import io.partnerapis.PartnerTokenException;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failing token endpoint is not asked again on every call: callers that hold no valid
 * token get the last failure at once for a back-off period, or for as long as the
 * endpoint's {@code Retry-After} says; a 2xx answer that is unambiguous is used.
 */
class TokenEndpointBackOffTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void retryAfterOnTooManyRequestsKeepsEveryCallerAwayForThatLong() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
		this.partner.apiAlwaysAnswers("/things", 200);
		runner().run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			long start = System.nanoTime();
			for (int i = 0; i < 30; i++) {
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"))
					.withMessageContaining("partner 'acme'")
					.withMessageContaining("HTTP 429");
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).isEmpty();
		});
	}

	@Test
	void retryAfterOnServiceUnavailableIsNotRetriedWithinTheRequest() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
		runner().run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 10; i++) {
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"))
					.withMessageContaining("HTTP 503")
					.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(30)));
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

	@Test
	void unusableAnswersAreNotAskedForOnEveryCall() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).willReturn(PartnerStub.json("{\"ok\":1}")));
		MutableClock clock = new MutableClock();
		runner().withBean(Clock.class, () -> clock).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 30; i++) {
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"))
					.withMessageContaining("partner 'acme'");
				clock.advance(Duration.ofMillis(100));
			}
			assertThat(this.partner.tokenRequests()).isBetween(1, 3);
		});
	}

	@Test
	void firstSuccessEndsTheBackOff() {
		this.partner.tokenEndpointFails(500, "{}");
		this.partner.apiAlwaysAnswers("/things", 200);
		MutableClock clock = new MutableClock();
		runner().withPropertyValues("partner.apis.acme.token.max-retries=0")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"));
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"))
					.withMessageContaining("not asked again before");
				this.partner.resetStubs();
				this.partner.tokens(1, 3600);
				this.partner.apiAlwaysAnswers("/things", 200);
				clock.advance(Duration.ofMillis(1500));
				for (int i = 0; i < 5; i++) {
					assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
				}
				assertThat(this.partner.tokenRequests()).isEqualTo(2);
			});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "\uFEFF{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
			"{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}",
			"{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600.0}" })
	void unambiguousAnswersAreUsed(String body) {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).willReturn(PartnerStub.json(body)));
		this.partner.apiAlwaysAnswers("/things", 200);
		runner().run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer token-1");
		});
	}

	private ApplicationContextRunner runner() {
		return this.partner.contextRunner("acme").withPropertyValues("partner.apis.acme.token.retry-backoff=10ms");
	}

}
