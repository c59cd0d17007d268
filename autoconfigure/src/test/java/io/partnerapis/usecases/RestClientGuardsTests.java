package io.partnerapis.usecases;

import java.time.Clock;
import java.time.Duration;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApiException;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A partner RestClient keeps the WebClient's guarantees: its token never goes to another
 * origin, not even through a redirect, and tokens are renewed in the background.
 */
class RestClientGuardsTests {

	private final PartnerStub partner = new PartnerStub();

	private final PartnerStub elsewhere = new PartnerStub();

	@AfterEach
	void stop() {
		this.partner.close();
		this.elsewhere.close();
	}

	@Test
	void requestToAnotherOriginIsRefusedAndNothingIsSent() {
		this.partner.tokens(5, 3600);
		this.elsewhere.stub(get(urlPathEqualTo("/steal")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme").run((context) -> {
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			assertThatExceptionOfType(PartnerApiException.class)
				.isThrownBy(
						() -> restClient.get().uri(this.elsewhere.baseUrl() + "/steal").retrieve().toBodilessEntity())
				.withMessageContaining("'acme' RestClient")
				.withMessageContaining("http://127.0.0.1:" + this.elsewhere.server().port())
				.withMessageContaining("partner.apis.acme.base-url");
			assertThat(this.elsewhere.server().getAllServeEvents()).isEmpty();
			assertThat(this.partner.tokenRequests()).isZero();
		});
	}

	@ParameterizedTest(name = "spring.http.clients.redirects={0}")
	@ValueSource(strings = { "", "follow" })
	void redirectIsNotFollowed(String redirects) {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", this.elsewhere.baseUrl() + "/steal")));
		this.elsewhere.stub(get(urlPathEqualTo("/steal")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme")
			.withPropertyValues("spring.http.clients.redirects=" + redirects)
			.run((context) -> {
				RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
				assertThat(PartnerStub.call(restClient, "/things")).isEqualTo(307);
				assertThat(this.partner.apiRequests()).hasSize(1);
				assertThat(this.elsewhere.server().getAllServeEvents()).isEmpty();
			});
	}

	@Test
	void tokenInItsRenewalWindowIsUsedWhileOneRenewalRunsInTheBackground() {
		int tokenDelayMillis = EarlyRenewalTests.RENEWAL_DELAY_MILLIS;
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 4), tokenDelayMillis);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.refresh-before-expiry=60s")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
				PartnerApi api = context.getBean(PartnerApis.class).get("acme");
				PartnerStub.call(restClient, "/things");
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				clock.set(api.getTokenState().renewAt().plusMillis(1));
				long slowest = 0;
				for (int i = 0; i < 10; i++) {
					long start = System.nanoTime();
					PartnerStub.call(restClient, "/things");
					slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
				}
				assertThat(slowest).as("no call waits for the background renewal").isLessThan(tokenDelayMillis);
				assertThat(this.partner.apiRequests().get(1).getHeader("Authorization"))
					.as("the call that started the renewal went on with the current token")
					.isEqualTo("Bearer token-1");
				await().atMost(Duration.ofSeconds(10)).until(() -> api.getTokenState().fetches() == 2);
				PartnerStub.call(restClient, "/things");
				assertThat(this.partner.tokenRequests()).as("one renewal for all calls in the window").isEqualTo(2);
				assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
					.startsWith("Bearer token-1")
					.endsWith("Bearer token-2");
			});
	}

}
