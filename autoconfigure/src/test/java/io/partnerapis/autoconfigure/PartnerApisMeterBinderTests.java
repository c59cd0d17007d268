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
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link PartnerApisMeterBinder}, reading meters back after real exchanges with
 * a WireMock partner.
 */
class PartnerApisMeterBinderTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void everyOutcomeOfEveryPartnerHasACounterFromTheStart() {
		this.partner.tokens(1, 3600);
		ApplicationContextRunner runner = PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("acme", Map.of()))
			.withPropertyValues(this.partner.properties("globex", Map.of()));
		runner.run((context) -> {
			new PartnerApisMeterBinder(context.getBean(PartnerApis.class)).bindTo(this.registry);
			for (String name : new String[] { "acme", "globex" }) {
				for (String outcome : new String[] { "recovered", "failed", "skipped" }) {
					FunctionCounter counter = this.registry.get(PartnerApisMeterBinder.UNAUTHORIZED_RETRIES)
						.tag(PartnerApisMeterBinder.PARTNER_TAG, name)
						.tag(PartnerApisMeterBinder.OUTCOME_TAG, outcome)
						.functionCounter();
					assertThat(counter.count()).isZero();
					assertThat(counter.getId().getDescription()).contains("401 Unauthorized");
				}
			}
			assertThat(this.registry.find(PartnerApisMeterBinder.UNAUTHORIZED_RETRIES).functionCounters()).hasSize(6);
			assertThat(this.registry.find(PartnerApisMeterBinder.TOKEN_EXPIRY).gauges()).hasSize(2);
			assertThat(this.partner.tokenRequests()).isZero();
		});
	}

	@Test
	void partnersWithAMonthlyQuotaHaveARemainingGauge() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("acme", Map.of("token.monthly-quota", "5")))
			.withPropertyValues(this.partner.properties("globex", Map.of()))
			.run((context) -> {
				new PartnerApisMeterBinder(context.getBean(PartnerApis.class)).bindTo(this.registry);
				Gauge remaining = this.registry.get(PartnerApisMeterBinder.TOKEN_QUOTA_REMAINING)
					.tag(PartnerApisMeterBinder.PARTNER_TAG, "acme")
					.gauge();
				assertThat(remaining.value()).isEqualTo(5);
				assertThat(remaining.getId().getDescription()).contains("monthly quota");
				assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
					.isEqualTo(200);
				assertThat(remaining.value()).isEqualTo(4);
				assertThat(this.registry.find(PartnerApisMeterBinder.TOKEN_QUOTA_REMAINING).gauges()).hasSize(1);
			});
	}

	@Test
	void unauthorizedAnswerRecoveredByTheReplayIsCountedAsRecovered() {
		this.partner.tokens(2, 3600);
		this.partner.apiAnswers("/things", "token-1", 401);
		this.partner.apiAnswers("/things", "token-2", 200);
		this.partner.contextRunner("acme").run((context) -> {
			new PartnerApisMeterBinder(context.getBean(PartnerApis.class)).bindTo(this.registry);
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			assertThat(unauthorized("acme", "recovered")).isEqualTo(1);
			assertThat(unauthorized("acme", "failed")).isZero();
			assertThat(unauthorized("acme", "skipped")).isZero();
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void unauthorizedAnswerToTheReplayIsCountedAsFailedAndTheNextOneAsSkipped() {
		this.partner.tokens(5, 3600);
		this.partner.apiAlwaysAnswers("/things", 401);
		this.partner.contextRunner("acme").run((context) -> {
			new PartnerApisMeterBinder(context.getBean(PartnerApis.class)).bindTo(this.registry);
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(401);
			assertThat(unauthorized("acme", "failed")).isEqualTo(1);
			assertThat(unauthorized("acme", "recovered")).isZero();
			assertThat(unauthorized("acme", "skipped")).isZero();
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(401);
			assertThat(unauthorized("acme", "skipped")).isEqualTo(1);
			assertThat(unauthorized("acme", "failed")).isEqualTo(1);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			assertThat(this.partner.apiRequests()).hasSize(3);
		});
	}

	@Test
	void tokenExpiryIsTheSecondsLeftOnTheCachedToken() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme").run((context) -> {
			PartnerApis apis = context.getBean(PartnerApis.class);
			new PartnerApisMeterBinder(apis).bindTo(this.registry);
			assertThat(expiry("acme").value()).isZero();
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			assertThat(expiry("acme").value()).isCloseTo(3600, within(60.0));
			assertThat(expiry("acme").getId().getBaseUnit()).isEqualTo("seconds");
			assertThat(expiry("acme").getId().getDescription()).isNotBlank();
			SimpleMeterRegistry later = new SimpleMeterRegistry();
			new PartnerApisMeterBinder(apis, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1000))).bindTo(later);
			assertThat(later.get(PartnerApisMeterBinder.TOKEN_EXPIRY).gauge().value()).isCloseTo(2600, within(60.0));
			SimpleMeterRegistry afterExpiry = new SimpleMeterRegistry();
			new PartnerApisMeterBinder(apis, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(4000)))
				.bindTo(afterExpiry);
			assertThat(afterExpiry.get(PartnerApisMeterBinder.TOKEN_EXPIRY).gauge().value()).isZero();
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

	@Test
	void tokenExpiryIsZeroWhenTheTokenFetchFailed() {
		this.partner.tokenEndpointFails(500, "{\"error\":\"server_error\"}");
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.max-retries=0")
			.run((context) -> {
				new PartnerApisMeterBinder(context.getBean(PartnerApis.class)).bindTo(this.registry);
				assertThatException()
					.isThrownBy(() -> PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"));
				assertThat(expiry("acme").value()).isZero();
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				assertThat(this.partner.apiRequests()).isEmpty();
			});
	}

	@Test
	void tagsHoldNoClientIdSecretOrToken() {
		this.partner.tokens(2, 3600);
		this.partner.apiAnswers("/things", "token-1", 401);
		this.partner.apiAnswers("/things", "token-2", 200);
		this.partner.contextRunner("acme").run((context) -> {
			new PartnerApisMeterBinder(context.getBean(PartnerApis.class)).bindTo(this.registry);
			PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things");
			assertThat(this.registry.getMeters()).isNotEmpty()
				.flatMap((meter) -> meter.getId().getTags())
				.extracting(Tag::getValue)
				.noneMatch((value) -> value.contains("client-acme") || value.contains("secret-acme")
						|| value.contains("token-"));
			assertThat(this.registry.getMeters()).extracting(Meter::getId)
				.allSatisfy((id) -> assertThat(id.getTags()).extracting(Tag::getKey)
					.isSubsetOf(PartnerApisMeterBinder.PARTNER_TAG, PartnerApisMeterBinder.OUTCOME_TAG));
		});
	}

	private double unauthorized(String partner, String outcome) {
		return this.registry.get(PartnerApisMeterBinder.UNAUTHORIZED_RETRIES)
			.tag(PartnerApisMeterBinder.PARTNER_TAG, partner)
			.tag(PartnerApisMeterBinder.OUTCOME_TAG, outcome)
			.functionCounter()
			.count();
	}

	private Gauge expiry(String partner) {
		return this.registry.get(PartnerApisMeterBinder.TOKEN_EXPIRY)
			.tag(PartnerApisMeterBinder.PARTNER_TAG, partner)
			.gauge();
	}

}
