package io.partnerapis.usecases;

import java.time.Duration;
import java.util.List;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.testsupport.Callers;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many blocking callers of a partner RestClient find no token at once: one token request
 * serves them all, whatever their threads, and the partner's WebClient shares it.
 */
class RestClientColdStartTests {

	/**
	 * How long the token endpoint takes to answer where callers must give up first: with
	 * a response timeout of 300 ms, a bound 2 s short of it leaves room for twenty caller
	 * threads on a busy two-core machine.
	 */
	private static final Duration UNANSWERED = Duration.ofSeconds(8);

	private static final int CALLERS = 200;

	private final PartnerStub partner = new PartnerStub();

	@AfterEach
	void stop() {
		this.partner.close();
	}

	@Test
	void tokenIsFetchedOnceForConcurrentCallersOnPlatformThreads() {
		slowTokenAndThings();
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			List<String> bodies = Callers.onPlatformThreads(CALLERS, () -> things(restClient));
			assertEveryCallerWasServedWithOneToken(bodies);
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void tokenIsFetchedOnceForConcurrentCallersOnVirtualThreads() {
		slowTokenAndThings();
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			List<String> bodies = Callers.onVirtualThreads(CALLERS, () -> things(restClient));
			assertEveryCallerWasServedWithOneToken(bodies);
		});
	}

	@Test
	void webClientAndRestClientOfOnePartnerShareOneToken() {
		slowTokenAndThings();
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			List<String> bodies = Callers.onPlatformThreads(CALLERS, () -> (Math.random() < 0.5) ? things(restClient)
					: webClient.get().uri("/things").retrieve().bodyToMono(String.class).block());
			assertEveryCallerWasServedWithOneToken(bodies);
			assertThat(things(restClient)).contains("ok");
			assertThat(webClient.get().uri("/things").retrieve().bodyToMono(String.class).block()).contains("ok");
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

	@Test
	void waitingCallersGiveUpWithTheFetchWhenTheTokenEndpointDoesNotAnswerInTime() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), (int) UNANSWERED.toMillis());
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.response-timeout=300ms",
					"partner.apis.acme.token.max-retries=0")
			.run((context) -> {
				RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
				long start = System.nanoTime();
				List<String> failures = Callers.onPlatformThreads(20, () -> {
					try {
						return things(restClient);
					}
					catch (PartnerTokenException ex) {
						return ex.getError().getErrorCode();
					}
				});
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("gave up before the token endpoint answered")
					.isLessThan(UNANSWERED.minusSeconds(2));
				assertThat(failures).hasSize(20).containsOnly(PartnerTokenException.TOKEN_ENDPOINT_UNREACHABLE);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				assertThat(this.partner.apiRequests()).isEmpty();
			});
	}

	private void slowTokenAndThings() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 300);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{\"ok\":true}")));
	}

	private static String things(RestClient restClient) {
		return restClient.get().uri("/things").retrieve().body(String.class);
	}

	private void assertEveryCallerWasServedWithOneToken(List<String> bodies) {
		assertThat(bodies).hasSize(CALLERS).allMatch((body) -> body.contains("ok"));
		assertThat(this.partner.tokenRequests()).isEqualTo(1);
		assertThat(this.partner.apiRequests()).hasSize(CALLERS)
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
	}

}
