package io.partnerapis.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bud on the wire: HTTP Basic at /v1/oauth/token, token fields wrapped in {@code data},
 * {@code X-Client-Id} on every API request, renewal by refresh token with a fall-back to
 * a new client-credentials grant.
 */
class BudProviderTests {

	private static final String TOKEN_PATH = "/v1/oauth/token";

	@RegisterExtension
	final PartnerStub bud = new PartnerStub(TOKEN_PATH);

	@Test
	void clientCredentialsUseBasicAuthAndTheWrappedResponse() {
		stubClientCredentials("cc-token", 3600, "refresh-1");
		this.bud.stub(get(urlPathEqualTo("/financial/v2/accounts")).willReturn(PartnerStub.json("{}")));
		this.bud.contextRunner("bud").run((context) -> {
			call(context.getBean("budWebClient", WebClient.class));
			LoggedRequest token = this.bud.tokenRequestsReceived().get(0);
			assertThat(token.getHeader("Authorization")).isEqualTo(basic("client-bud", "secret-bud"));
			assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(Forms.parse(token.getBodyAsString())).isEqualTo(Map.of("grant_type", "client_credentials"));
			LoggedRequest api = this.bud.apiRequests().get(0);
			assertThat(api.getHeader("Authorization")).isEqualTo("Bearer cc-token");
			assertThat(api.getHeader("X-Client-Id")).isEqualTo("client-bud");
		});
	}

	@Test
	void renewalUsesTheRefreshTokenIdentifiedByClientIdAlone() {
		stubClientCredentials("cc-token", 2, "refresh-1");
		this.bud.stub(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(PartnerStub.json(wrapped("refreshed-token", 3600, "refresh-2"))));
		this.bud.stub(get(urlPathEqualTo("/financial/v2/accounts")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.bud.contextRunner("bud").withBean(Clock.class, () -> clock).run((context) -> {
			WebClient webClient = context.getBean("budWebClient", WebClient.class);
			PartnerApi api = context.getBean(PartnerApis.class).get("bud");
			call(webClient);
			clock.set(api.getTokenState().renewAt());
			call(webClient);
			await().atMost(Duration.ofSeconds(10)).until(() -> api.getTokenState().fetches() == 2);
			call(webClient);
			LoggedRequest refresh = this.bud.tokenRequestsReceived().get(1);
			assertThat(refresh.getHeader("X-Client-Id")).isEqualTo("client-bud");
			assertThat(refresh.containsHeader("Authorization")).isFalse();
			assertThat(refresh.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(Forms.parse(refresh.getBodyAsString()))
				.isEqualTo(Map.of("grant_type", "refresh_token", "refresh_token", "refresh-1"));
			assertThat(this.bud.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer cc-token", "Bearer cc-token", "Bearer refreshed-token");
		});
	}

	@Test
	void refusedRefreshFallsBackToANewClientCredentialsGrant() {
		this.bud.tokens(3, (token) -> wrapped(token, 1, "refresh-of-" + token), 0);
		this.bud.stub(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(aResponse().withStatus(400)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token expired\"}")));
		this.bud.stub(get(urlPathEqualTo("/financial/v2/accounts")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.bud.contextRunner("bud").withBean(Clock.class, () -> clock).run((context) -> {
			WebClient webClient = context.getBean("budWebClient", WebClient.class);
			call(webClient);
			clock.set(context.getBean(PartnerApis.class).get("bud").getTokenState().expiresAt());
			call(webClient);
			assertThat(this.bud.tokenRequestsReceived())
				.extracting((request) -> Forms.parse(request.getBodyAsString()).get("grant_type"))
				.containsExactly("client_credentials", "refresh_token", "client_credentials");
			assertThat(this.bud.tokenRequestsReceived().get(2).getHeader("Authorization"))
				.isEqualTo(basic("client-bud", "secret-bud"));
			assertThat(this.bud.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
		});
	}

	@Test
	void refreshAnsweredWithAnUnusableBodyAndItsFallBackBothCountAgainstTheQuota() {
		this.bud.tokens(3, (token) -> wrapped(token, 1, "refresh-of-" + token), 0);
		this.bud.stub(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(PartnerStub.json("{\"ok\":1}")));
		this.bud.stub(get(urlPathEqualTo("/financial/v2/accounts")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.bud.contextRunner("bud")
			.withPropertyValues("partner.apis.bud.token.monthly-quota=100")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				WebClient webClient = context.getBean("budWebClient", WebClient.class);
				call(webClient);
				PartnerApi bud = context.getBean(PartnerApis.class).get("bud");
				clock.set(bud.getTokenState().expiresAt());
				call(webClient);
				assertThat(this.bud.tokenRequestsReceived())
					.extracting((request) -> Forms.parse(request.getBodyAsString()).get("grant_type"))
					.containsExactly("client_credentials", "refresh_token", "client_credentials");
				assertThat(bud.getTokenQuota().issued()).as("every 2xx answer counts, usable or not").isEqualTo(3);
			});
	}

	@Test
	void failingRefreshFallsBackInTheSameFetchAndItsRefreshTokenIsNeverSentAgain() {
		this.bud.tokens(20, (token) -> wrapped(token, 1, "refresh-of-" + token), 0);
		this.bud.stub(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
			.willReturn(aResponse().withStatus(500)));
		this.bud.stub(get(urlPathEqualTo("/financial/v2/accounts")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.bud.contextRunner("bud")
			.withPropertyValues("partner.apis.bud.token.retry-backoff=10ms")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				WebClient webClient = context.getBean("budWebClient", WebClient.class);
				PartnerApi bud = context.getBean(PartnerApis.class).get("bud");
				for (int i = 0; i < 8; i++) {
					call(webClient);
					clock.set(bud.getTokenState().expiresAt());
				}
				List<String> refreshed = this.bud.tokenRequestsReceived()
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
			});
	}

	@Test
	void basicCredentialsGoAsTheyAreAsWithCurlUser() {
		String secret = "a+b/c=d%e";
		this.bud.stub(
				post(urlPathEqualTo(TOKEN_PATH)).willReturn(PartnerStub.json(wrapped("cc-token", 3600, "refresh-1"))));
		this.bud.stub(get(urlPathEqualTo("/financial/v2/accounts")).willReturn(PartnerStub.json("{}")));
		this.bud.contextRunner("bud").withPropertyValues("partner.apis.bud.client-secret=" + secret).run((context) -> {
			call(context.getBean("budWebClient", WebClient.class));
			assertThat(this.bud.tokenRequestsReceived().get(0).getHeader("Authorization"))
				.isEqualTo(basic("client-bud", secret));
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

	private void stubClientCredentials(String token, int expiresIn, String refreshToken) {
		this.bud.stub(
				post(urlPathEqualTo(TOKEN_PATH)).withHeader("Authorization", equalTo(basic("client-bud", "secret-bud")))
					.withHeader("X-Client-Id", absent())
					.withRequestBody(equalTo("grant_type=client_credentials"))
					.willReturn(PartnerStub.json(wrapped(token, expiresIn, refreshToken))));
	}

	private static String wrapped(String token, int expiresIn, String refreshToken) {
		return "{\"operation_id\":\"oauth_token_post\",\"data\":{\"access_token\":\"" + token
				+ "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + ",\"refresh_token\":\"" + refreshToken
				+ "\"}}";
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static void call(WebClient webClient) {
		webClient.get().uri("/financial/v2/accounts").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
	}

}
