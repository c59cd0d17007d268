package io.partnerapis.usecases;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.UnauthorizedRetryOutcome;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner rejects a token with 401: the token is dropped once, a fresh one is fetched
 * and the request is replayed once.
 */
class UnauthorizedRecoveryTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void revokedTokenIsReplacedAndEveryLaterCallSucceeds() {
		this.partner.tokens(5, 3600);
		rejectToken("token-1");
		acceptToken("token-2");
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 100; i++) {
				assertThat(status(webClient)).isEqualTo(200);
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
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			webClient.get().uri("/warm-up").exchangeToMono((response) -> response.releaseBody()).block();
			List<Integer> statuses = Flux.range(0, 200)
				.flatMap((i) -> webClient.get().uri("/things").retrieve().toBodilessEntity(), 200)
				.map((entity) -> entity.getStatusCode().value())
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(statuses).hasSize(200).containsOnly(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void secondUnauthorizedGoesBackToTheCallerWithoutALoop() {
		this.partner.tokens(5, 3600);
		this.partner.stub(
				get(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"no\"}")));
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			ResponseEntity<String> response = webClient.get()
				.uri("/things")
				.exchangeToMono((r) -> r.toEntity(String.class))
				.block(Duration.ofSeconds(10));
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getBody()).isEqualTo("{\"detail\":\"no\"}");
			assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			assertThat(context.getBean(PartnerApis.class)
				.get("acme")
				.getUnauthorizedCount(UnauthorizedRetryOutcome.FAILED)).isEqualTo(1);
		});
	}

	@Test
	void formBodyIsReplayedUnchanged() {
		this.partner.tokens(5, 3600);
		postRejectsFirstToken();
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("q", "x y");
			ResponseEntity<Void> response = webClient.post()
				.uri("/things")
				.body(BodyInserters.fromFormData(form))
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10));
			assertThat(response.getStatusCode().value()).isEqualTo(200);
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
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			webClient.post()
				.uri("/things")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"amount\":42}")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10));
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getBodyAsString()).isEqualTo("{\"amount\":42}"))
				.allSatisfy((request) -> assertThat(request.getHeader("Content-Type")).startsWith("application/json"));
		});
	}

	@Test
	void streamingBodyIsNotReplayedButItsRejectedTokenIsDropped() {
		this.partner.tokens(5, 3600);
		this.partner.stub(post(urlPathEqualTo("/upload")).willReturn(aResponse().withStatus(401)));
		acceptToken("token-2");
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			Flux<DataBuffer> chunks = Flux.range(0, 3)
				.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(("chunk-" + i + "\n").getBytes()));
			int status = webClient.post()
				.uri("/upload")
				.contentType(MediaType.TEXT_PLAIN)
				.body(BodyInserters.fromDataBuffers(chunks))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(10));
			assertThat(status).isEqualTo(401);
			assertThat(this.partner.apiRequests()).hasSize(1);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(context.getBean(PartnerApis.class)
				.get("acme")
				.getUnauthorizedCount(UnauthorizedRetryOutcome.SKIPPED)).isEqualTo(1);
			assertThat(status(webClient)).as("the next call gets a fresh token").isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void bodyFromAOneShotSourceIsReplayedWithTheBytesFirstSent() {
		this.partner.tokens(5, 3600);
		postRejectsFirstToken();
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			ByteArrayInputStream stream = new ByteArrayInputStream("read once".getBytes(StandardCharsets.UTF_8));
			int status = webClient.post()
				.uri("/things")
				.contentType(MediaType.TEXT_PLAIN)
				.body(Mono.fromCallable(stream::readAllBytes), byte[].class)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(10));
			assertThat(status).isEqualTo(200);
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getBodyAsString()).isEqualTo("read once"))
				.allSatisfy((request) -> assertThat(request.getHeader("Content-Type")).startsWith("text/plain"));
		});
	}

	@Test
	void filterThatResubscribesLaterGetsATokenValidThen() {
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
		this.partner.contextRunner("acme")
			.withBean(Clock.class, () -> clock)
			.withBean(PartnerWebClientCustomizer.class,
					() -> (name, builder) -> builder
						.filter(retryOnceOn503(() -> clock.set(acme.get().getTokenState().expiresAt()))))
			.run((context) -> {
				acme.set(context.getBean(PartnerApis.class).get("acme"));
				assertThat(status(context.getBean("acmeWebClient", WebClient.class))).isEqualTo(200);
				assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
					.containsExactly("Bearer token-1", "Bearer token-2");
			});
	}

	/**
	 * Returns an application filter that retries a request answered with 503 once, after
	 * the given action, which stands for the time that passes meanwhile.
	 */
	private static ExchangeFilterFunction retryOnceOn503(Runnable meanwhile) {
		return (request, next) -> next.exchange(request)
			.flatMap((response) -> (response.statusCode().value() == 503)
					? response.releaseBody().then(Mono.<ClientResponse>error(new IllegalStateException("503")))
					: Mono.just(response))
			.retryWhen(Retry.max(1).doBeforeRetry((signal) -> meanwhile.run()));
	}

	@Test
	void callersThatAllCancelLeaveTheFetchToFinishForTheNext() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 600);
		acceptToken("token-1");
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			Disposable first = webClient.get().uri("/things").retrieve().toBodilessEntity().subscribe();
			Disposable second = webClient.get().uri("/things").retrieve().toBodilessEntity().subscribe();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.partner.tokenRequests() == 1);
			first.dispose();
			second.dispose();
			PartnerApi api = context.getBean(PartnerApis.class).get("acme");
			await().atMost(Duration.ofSeconds(10)).until(() -> api.getTokenState().fetches() == 1);
			assertThat(status(webClient)).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).hasSize(1);
		});
	}

	@Test
	void retryCanBeTurnedOffWhileRejectedTokensAreStillDropped() {
		this.partner.tokens(5, 3600);
		rejectToken("token-1");
		acceptToken("token-2");
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.retry-on-unauthorized=false")
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThat(status(webClient)).isEqualTo(401);
				assertThat(this.partner.apiRequests()).hasSize(1);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				assertThat(status(webClient)).isEqualTo(200);
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
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThat(status(webClient)).isEqualTo(200);
				for (int revocation = 1; revocation <= 3; revocation++) {
					rejectToken("token-" + revocation);
					acceptToken("token-" + (revocation + 1));
					if (!retry) {
						assertThat(status(webClient)).as("the call that meets revoked token-" + revocation)
							.isEqualTo(401);
					}
					assertThat(status(webClient)).as("a call after revoking token-" + revocation).isEqualTo(200);
					clock.advance(Duration.ofMillis(1300));
				}
				assertThat(this.partner.tokenRequests()).isEqualTo(4);
			});
	}

	@ParameterizedTest(name = "{0} bytes")
	@ValueSource(ints = { 256 * 1024, 256 * 1024 + 1 })
	void bodiesUpTo256KiBAreReplayedAndLargerOnesAreNot(int size) {
		this.partner.tokens(5, 3600);
		postRejectsFirstToken();
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			byte[] body = new byte[size];
			Arrays.fill(body, (byte) 'x');
			int status = webClient.post()
				.uri("/things")
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.bodyValue(body)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(20));
			boolean replayable = size <= 256 * 1024;
			assertThat(status).isEqualTo(replayable ? 200 : 401);
			assertThat(this.partner.apiRequests()).hasSize(replayable ? 2 : 1)
				.allSatisfy((request) -> assertThat(request.getBody()).hasSize(size));
		});
	}

	@Test
	void alwaysUnauthorizedApiDoesNotDrainTheTokenQuota() {
		this.partner.tokens(60, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(401)));
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 50; i++) {
				assertThat(status(webClient)).isEqualTo(401);
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			assertThat(this.partner.apiRequests()).hasSize(51);
		});
	}

	private void postRejectsFirstToken() {
		this.partner.stub(post(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401)));
		this.partner.stub(post(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(PartnerStub.json("{}")));
	}

	private void rejectToken(String token) {
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"detail\": \"Token is invalid or expired (decode).\"}")));
	}

	private void acceptToken(String token) {
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(PartnerStub.json("{\"ok\":true}")));
	}

	private static int status(WebClient webClient) {
		return webClient.get()
			.uri("/things")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(10));
	}

}
