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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner rejects a token with 401: the token is dropped once, a fresh one is fetched
 * and the request is replayed once, with the same bytes; the same for each client type of
 * a partner, which a subclass names.
 */
abstract class AbstractUnauthorizedRecoveryTests extends AbstractPartnerClientTests {

	AbstractUnauthorizedRecoveryTests(PartnerClient.Type clientType) {
		super(clientType);
	}

	@Test
	void revokedTokenIsReplacedAndEveryLaterCallSucceeds() {
		this.partner.tokens(5, 3600);
		rejectToken("token-1");
		acceptToken("token-2");
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient client = client(context);
			for (int i = 0; i < 100; i++) {
				assertThat(client.status("/things")).isEqualTo(200);
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			assertThat(this.partner.apiRequests()).hasSize(101);
			assertThat(unauthorizedCount(context, UnauthorizedRetryOutcome.RECOVERED)).isEqualTo(1);
		});
	}

	@Test
	void concurrentUnauthorizedAnswersCauseOneRenewal() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 200);
		rejectToken("token-1");
		acceptToken("token-2");
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient client = client(context);
			client.status("/warm-up");
			List<String> bodies = client.concurrently(200, "/things");
			assertThat(bodies).hasSize(200).containsOnly("{\"ok\":true}");
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void insufficientScopeNeitherRenewsNorReplays() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"things:read\"")));
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient client = client(context);
			assertThat(client.status("/things")).isEqualTo(401);
			assertThat(client.status("/things")).isEqualTo(401);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
		});
	}

	@Test
	void secondUnauthorizedGoesBackToTheCallerWithoutALoop() {
		this.partner.tokens(5, 3600);
		this.partner.stub(
				get(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"no\"}")));
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient.Answer answer = client(context).exchange("/things");
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.body()).isEqualTo("{\"detail\":\"no\"}");
			assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			assertThat(unauthorizedCount(context, UnauthorizedRetryOutcome.FAILED)).isEqualTo(1);
		});
	}

	@Test
	void formBodyIsReplayedUnchanged() {
		this.partner.tokens(5, 3600);
		postRejectsFirstToken();
		this.partner.contextRunner("acme").run((context) -> {
			LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("q", "x y");
			assertThat(client(context).post("/things", MediaType.APPLICATION_FORM_URLENCODED, form)).isEqualTo(200);
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getBodyAsString()).isEqualTo("q=x+y"))
				.allSatisfy((request) -> assertThat(request.getHeader("Content-Type"))
					.startsWith("application/x-www-form-urlencoded"));
		});
	}

	@Test
	void valueBodyIsReplayedUnchanged() {
		this.partner.tokens(5, 3600);
		postRejectsFirstToken();
		this.partner.contextRunner("acme").run((context) -> {
			assertThat(client(context).post("/things", MediaType.APPLICATION_JSON, "{\"amount\":42}")).isEqualTo(200);
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getBodyAsString()).isEqualTo("{\"amount\":42}"))
				.allSatisfy((request) -> assertThat(request.getHeader("Content-Type")).startsWith("application/json"));
		});
	}

	@Test
	void bodyFromAOneShotSourceIsReplayedWithTheBytesFirstSent() {
		this.partner.tokens(5, 3600);
		postRejectsFirstToken();
		this.partner.contextRunner("acme").run((context) -> {
			ByteArrayInputStream stream = new ByteArrayInputStream("read once".getBytes(StandardCharsets.UTF_8));
			assertThat(client(context).postOnce("/things", MediaType.TEXT_PLAIN, stream)).isEqualTo(200);
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getBodyAsString()).isEqualTo("read once"))
				.allSatisfy((request) -> assertThat(request.getHeader("Content-Type")).startsWith("text/plain"));
		});
	}

	@Test
	void retryThatTheApplicationAddsLaterGetsATokenValidThen() {
		this.partner.tokens(5, 1);
		this.partner.stub(get(urlPathEqualTo("/things")).inScenario("flaky")
			.whenScenarioStateIs("Started")
			.willSetStateTo("up")
			.willReturn(aResponse().withStatus(503)));
		this.partner.stub(get(urlPathEqualTo("/things")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		AtomicReference<PartnerApi> acme = new AtomicReference<>();
		ApplicationContextRunner runner = this.partner.contextRunner("acme").withBean(Clock.class, () -> clock);
		withRetryOnceOn503(runner, () -> clock.set(acme.get().getTokenState().expiresAt())).run((context) -> {
			acme.set(context.getBean(PartnerApis.class).get("acme"));
			assertThat(client(context).status("/things")).isEqualTo(200);
			assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
		});
	}

	/**
	 * Adds to the partner's client, as an application would, a retry of a request
	 * answered with 503, once, after the given action, which stands for the time that
	 * passes meanwhile.
	 * @param runner the context runner
	 * @param meanwhile what happens between the answer and the retry
	 * @return the runner with the retry
	 */
	abstract ApplicationContextRunner withRetryOnceOn503(ApplicationContextRunner runner, Runnable meanwhile);

	@Test
	void retryCanBeTurnedOffWhileRejectedTokensAreStillDropped() {
		this.partner.tokens(5, 3600);
		rejectToken("token-1");
		acceptToken("token-2");
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.retry-on-unauthorized=false")
			.run((context) -> {
				PartnerClient client = client(context);
				assertThat(client.status("/things")).isEqualTo(401);
				assertThat(this.partner.apiRequests()).hasSize(1);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				assertThat(client.status("/things")).isEqualTo(200);
				assertThat(this.partner.tokenRequests()).isEqualTo(2);
			});
	}

	@ParameterizedTest(name = "retry-on-unauthorized={0}")
	@ValueSource(booleans = { true, false })
	void acceptedTokenResetsTheIntervalBetweenForcedRenewals(boolean retry) {
		this.partner.tokens(10, 3600);
		acceptToken("token-1");
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.unauthorized-renewal-interval=1s",
					"partner.apis.acme.retry-on-unauthorized=" + retry)
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				PartnerClient client = client(context);
				assertThat(client.status("/things")).isEqualTo(200);
				for (int revocation = 1; revocation <= 3; revocation++) {
					rejectToken("token-" + revocation);
					acceptToken("token-" + (revocation + 1));
					if (!retry) {
						assertThat(client.status("/things")).as("the call that meets revoked token-" + revocation)
							.isEqualTo(401);
					}
					assertThat(client.status("/things")).as("a call after revoking token-" + revocation).isEqualTo(200);
					clock.advance(Duration.ofMillis(1300));
				}
				assertThat(this.partner.tokenRequests()).isEqualTo(4);
			});
	}

	@Test
	void alwaysUnauthorizedApiDoesNotDrainTheTokenQuota() {
		this.partner.tokens(60, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(401)));
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient client = client(context);
			for (int i = 0; i < 50; i++) {
				assertThat(client.status("/things")).isEqualTo(401);
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			assertThat(this.partner.apiRequests()).hasSize(51);
		});
	}

	static long unauthorizedCount(ApplicationContext context, UnauthorizedRetryOutcome outcome) {
		return context.getBean(PartnerApis.class).get("acme").getUnauthorizedCount(outcome);
	}

	void postRejectsFirstToken() {
		this.partner.stub(post(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401)));
		this.partner.stub(post(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(PartnerStub.json("{}")));
	}

	void rejectToken(String token) {
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"detail\": \"Token is invalid or expired (decode).\"}")));
	}

	void acceptToken(String token) {
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(PartnerStub.json("{\"ok\":true}")));
	}

}
