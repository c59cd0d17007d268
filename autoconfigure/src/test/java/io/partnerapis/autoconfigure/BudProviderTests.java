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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.test.standin.StandInServer;
import io.partnerapis.test.standin.StandInSettings;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bud on the wire, against Bud's stand-in: HTTP Basic at /v1/oauth/token, token fields
 * wrapped in {@code data}, {@code X-Client-Id} on every API request, renewal by refresh
 * token with a fall-back to a new client-credentials grant. The stand-in accepts only
 * what Bud's document allows, so every accepted exchange proves the preset right; the
 * refresh faults are scripted in WireMock's DSL ahead of the stand-in's rules.
 */
class BudProviderTests {

	private static final String ACCOUNTS = "/financial/v2/accounts";

	@RegisterExtension
	final ProviderStandIn standIn = new ProviderStandIn("bud");

	private final StandInServer bud = this.standIn.server();

	@BeforeEach
	void serveAccounts() {
		this.bud.server().stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(okJson("{}")));
	}

	@Test
	void clientCredentialsUseBasicAuthAndTheWrappedResponse() {
		this.standIn.contextRunner().run((context) -> {
			call(context.getBean("budWebClient", WebClient.class));
			assertThat(this.bud.tokenRequests()).hasSize(1);
			LoggedRequest token = this.bud.tokenRequests().get(0);
			assertThat(token.getHeader("Authorization")).isEqualTo(basic("client-bud", "secret-bud"));
			assertThat(token.containsHeader("X-Client-Id")).isFalse();
			assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(Forms.parse(token.getBodyAsString())).isEqualTo(Map.of("grant_type", "client_credentials"));
			LoggedRequest api = this.bud.apiRequests().get(0);
			assertThat(api.getHeader("Authorization")).isEqualTo("Bearer " + issued(0));
			assertThat(api.getHeader("X-Client-Id")).isEqualTo("client-bud");
			assertThat(this.bud.refusals()).isEmpty();
		});
	}

	@Test
	void renewalUsesTheRefreshTokenIdentifiedByClientIdAlone() {
		this.bud.tokens().issueTokensLiving(Duration.ofSeconds(2));
		this.standIn.contextRunner().run((context) -> {
			WebClient webClient = context.getBean("budWebClient", WebClient.class);
			PartnerApi api = context.getBean(PartnerApis.class).get("bud");
			call(webClient);
			this.bud.tokens().issueTokensLiving(Duration.ofHours(1));
			this.standIn.clock().set(api.getTokenState().renewAt());
			call(webClient);
			await().atMost(Duration.ofSeconds(10)).until(() -> api.getTokenState().fetches() == 2);
			call(webClient);
			LoggedRequest refresh = this.bud.tokenRequests().get(1);
			assertThat(refresh.getHeader("X-Client-Id")).isEqualTo("client-bud");
			assertThat(refresh.containsHeader("Authorization")).isFalse();
			assertThat(refresh.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(Forms.parse(refresh.getBodyAsString()))
				.isEqualTo(Map.of("grant_type", "refresh_token", "refresh_token", "bud-refresh-1"));
			assertThat(this.bud.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer " + issued(0), "Bearer " + issued(0), "Bearer " + issued(1));
			assertThat(this.bud.refusals()).isEmpty();
		});
	}

	@Test
	void refusedRefreshFallsBackToANewClientCredentialsGrant() {
		refreshAnswers(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token expired\"}"));
		this.standIn.contextRunner().run((context) -> {
			WebClient webClient = context.getBean("budWebClient", WebClient.class);
			call(webClient);
			this.standIn.clock().set(context.getBean(PartnerApis.class).get("bud").getTokenState().expiresAt());
			call(webClient);
			assertThat(this.bud.tokenRequests())
				.extracting((request) -> Forms.parse(request.getBodyAsString()).get("grant_type"))
				.containsExactly("client_credentials", "refresh_token", "client_credentials");
			assertThat(this.bud.tokenRequests().get(2).getHeader("Authorization"))
				.isEqualTo(basic("client-bud", "secret-bud"));
			assertThat(this.bud.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer " + issued(0), "Bearer " + issued(1));
		});
	}

	@Test
	void refreshAnsweredWithAnUnusableBodyAndItsFallBackBothCountAgainstTheQuota() {
		refreshAnswers(okJson("{\"ok\":1}"));
		this.standIn.contextRunner().withPropertyValues("partner.apis.bud.token.monthly-quota=100").run((context) -> {
			WebClient webClient = context.getBean("budWebClient", WebClient.class);
			call(webClient);
			PartnerApi bud = context.getBean(PartnerApis.class).get("bud");
			this.standIn.clock().set(bud.getTokenState().expiresAt());
			call(webClient);
			assertThat(this.bud.tokenRequests())
				.extracting((request) -> Forms.parse(request.getBodyAsString()).get("grant_type"))
				.containsExactly("client_credentials", "refresh_token", "client_credentials");
			assertThat(bud.getTokenQuota().issued()).as("every 2xx answer counts, usable or not").isEqualTo(3);
		});
	}

	@Test
	void failingRefreshFallsBackInTheSameFetchAndItsRefreshTokenIsNeverSentAgain() {
		refreshAnswers(aResponse().withStatus(500));
		this.standIn.contextRunner().withPropertyValues("partner.apis.bud.token.retry-backoff=10ms").run((context) -> {
			WebClient webClient = context.getBean("budWebClient", WebClient.class);
			PartnerApi bud = context.getBean(PartnerApis.class).get("bud");
			for (int i = 0; i < 8; i++) {
				call(webClient);
				this.standIn.clock().set(bud.getTokenState().expiresAt());
			}
			List<String> refreshed = this.bud.tokenRequests()
				.stream()
				.map((request) -> Forms.parse(request.getBodyAsString()))
				.filter((form) -> "refresh_token".equals(form.get("grant_type")))
				.map((form) -> form.get("refresh_token"))
				.toList();
			assertThat(refreshed).as("renewals were tried with refresh tokens").isNotEmpty();
			assertThat(refreshed.stream().distinct().count()).as("renewal kept going").isGreaterThanOrEqualTo(2);
			assertThat(refreshed).as("each refresh token is sent in one attempt, with its retries, never again")
				.allSatisfy((token) -> assertThat(Collections.frequency(refreshed, token)).isLessThanOrEqualTo(3));
			assertThat(this.bud.apiRequests()).hasSize(8);
			assertThat(this.bud.refusals()).isEmpty();
		});
	}

	@Test
	void basicCredentialsGoAsTheyAreAsWithCurlUser() {
		String secret = "a+b/c=d%e";
		StandInServer budWithSecret = this.standIn.start(StandInSettings.of("bud", "client-bud", secret));
		budWithSecret.server().stubFor(get(urlPathEqualTo(ACCOUNTS)).willReturn(okJson("{}")));
		this.standIn.contextRunner(budWithSecret).run((context) -> {
			call(context.getBean("budWebClient", WebClient.class));
			assertThat(budWithSecret.tokenRequests().get(0).getHeader("Authorization"))
				.isEqualTo(basic("client-bud", secret));
			assertThat(budWithSecret.refusals()).isEmpty();
		});
	}

	@Test
	void productionWithoutHostsFailsNamingBothProperties() {
		PartnerContexts.runner()
			.withPropertyValues("partner.apis.bud.client-id=id", "partner.apis.bud.client-secret=secret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(PartnerApiConfigurationException.class)
				.hasMessageContaining("'partner.apis.bud.token-uri' is missing")
				.hasMessageContaining("'partner.apis.bud.base-url' is missing"));
	}

	/**
	 * Makes every refresh answer as given, ahead of the stand-in's rules (WireMock's
	 * priority 1), while client-credentials grants still go to the stand-in.
	 */
	private void refreshAnswers(ResponseDefinitionBuilder answer) {
		this.bud.tokens().issueTokensLiving(Duration.ofSeconds(1));
		this.bud.server()
			.stubFor(post(urlPathEqualTo(this.bud.dialect().tokenPath()))
				.withFormParam("grant_type", equalTo("refresh_token"))
				.atPriority(1)
				.willReturn(answer));
	}

	private String issued(int index) {
		return this.bud.tokens().issuedTokens().get(index);
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static void call(WebClient webClient) {
		webClient.get().uri(ACCOUNTS).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
	}

}
