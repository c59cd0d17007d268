package io.partnerapis.usecases;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.UnauthorizedRetryOutcome;
import io.partnerapis.autoconfigure.PartnerApisMetricsAutoConfiguration;
import io.partnerapis.observation.PartnerApisMeterBinder;
import io.partnerapis.testsupport.Callers;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner rejects a token a RestClient sent with 401: the same decision point as for
 * WebClients drops the token once, fetches a fresh one and replays the request once.
 */
class RestClientUnauthorizedRecoveryTests {

	private final PartnerStub partner = new PartnerStub();

	@AfterEach
	void stop() {
		this.partner.close();
	}

	@Test
	void revokedTokenIsReplacedAndEveryLaterCallSucceeds() {
		this.partner.tokens(5, 3600);
		rejectToken("token-1");
		acceptToken("token-2");
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			for (int i = 0; i < 100; i++) {
				assertThat(PartnerStub.call(restClient, "/things")).isEqualTo(200);
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			assertThat(this.partner.apiRequests()).hasSize(101);
			assertThat(context.getBean(PartnerApis.class)
				.get("acme")
				.getUnauthorizedCount(UnauthorizedRetryOutcome.RECOVERED)).isEqualTo(1);
		});
	}

	@Test
	void concurrentUnauthorizedAnswersCauseOneRenewal() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 200);
		rejectToken("token-1");
		acceptToken("token-2");
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			PartnerStub.call(restClient, "/warm-up");
			List<Integer> statuses = Callers.onPlatformThreads(200, () -> PartnerStub.call(restClient, "/things"));
			assertThat(statuses).hasSize(200).containsOnly(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void insufficientScopeNeitherRenewsNorReplays() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"things:read\"")));
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			assertThat(PartnerStub.call(restClient, "/things")).isEqualTo(401);
			assertThat(PartnerStub.call(restClient, "/things")).isEqualTo(401);
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
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			ResponseEntity<String> response = restClient.get()
				.uri("/things")
				.exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode())
					.body(answer.bodyTo(String.class)));
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getBody()).isEqualTo("{\"detail\":\"no\"}");
			assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
			assertThat(context.getBean(PartnerApis.class)
				.get("acme")
				.getUnauthorizedCount(UnauthorizedRetryOutcome.FAILED)).isEqualTo(1);
		});
	}

	@Test
	void bodyIsReplayedWithTheSameBytes() {
		this.partner.tokens(5, 3600);
		this.partner.stub(post(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401)));
		this.partner.stub(post(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			ResponseEntity<Void> response = restClient.post()
				.uri("/things")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"amount\":42}")
				.retrieve()
				.toBodilessEntity();
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getBodyAsString()).isEqualTo("{\"amount\":42}"))
				.allSatisfy((request) -> assertThat(request.getHeader("Content-Type")).startsWith("application/json"));
		});
	}

	@Test
	void retriesOfRestClientAndWebClientAreCountedTogether() {
		this.partner.tokens(5, 3600);
		rejectToken("token-1");
		rejectToken("token-2");
		acceptToken("token-3");
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.unauthorized-renewal-interval=1ms")
			.withConfiguration(
					AutoConfigurations.of(PartnerApisMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				assertThat(PartnerStub.call(context.getBean("acmeRestClient", RestClient.class), "/things"))
					.isEqualTo(401);
				assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
					.isEqualTo(200);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(retries(registry, UnauthorizedRetryOutcome.FAILED)).isEqualTo(1);
				assertThat(retries(registry, UnauthorizedRetryOutcome.RECOVERED)).isEqualTo(1);
				assertThat(this.partner.tokenRequests()).isEqualTo(3);
			});
	}

	private static double retries(MeterRegistry registry, UnauthorizedRetryOutcome outcome) {
		return registry.get(PartnerApisMeterBinder.UNAUTHORIZED_RETRIES)
			.tag(PartnerApisMeterBinder.PARTNER_TAG, "acme")
			.tag(PartnerApisMeterBinder.OUTCOME_TAG, outcome.tagValue())
			.functionCounter()
			.count();
	}

	private void rejectToken(String token) {
		this.partner.apiAnswers("/things", token, 401);
	}

	private void acceptToken(String token) {
		this.partner.apiAnswers("/things", token, 200);
	}

}
