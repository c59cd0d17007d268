package io.partnerapis.usecases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens are renewed ahead of their expiry, in the background, and not more often than
 * half their lifetime allows.
 */
class EarlyRenewalTests {

	/**
	 * How long the token endpoint takes to answer a renewal: a call that waited for it
	 * would take at least this long, and 3 s leaves room for a call on a busy two-core
	 * machine that does not wait.
	 */
	static final int RENEWAL_DELAY_MILLIS = 3000;

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void shortLivedTokenIsNotFetchedOnEveryCall() {
		this.partner.tokens(5, 30);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.refresh-before-expiry=60s")
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				for (int i = 0; i < 20; i++) {
					call(webClient);
				}
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
			});
	}

	@Test
	void tokenInItsRenewalWindowIsUsedWhileOneRenewalRunsInTheBackground() {
		int tokenDelayMillis = RENEWAL_DELAY_MILLIS;
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 4), tokenDelayMillis);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.refresh-before-expiry=60s")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				PartnerApi api = context.getBean(PartnerApis.class).get("acme");
				call(webClient);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				clock.set(api.getTokenState().renewAt().plusMillis(1));
				long slowest = 0;
				for (int i = 0; i < 10; i++) {
					long start = System.nanoTime();
					call(webClient);
					slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - start).toMillis());
				}
				assertThat(slowest).as("no call waits for the background renewal").isLessThan(tokenDelayMillis);
				assertThat(this.partner.apiRequests().get(1).getHeader("Authorization"))
					.as("the call that started the renewal went on with the current token")
					.isEqualTo("Bearer token-1");
				await().atMost(Duration.ofSeconds(10)).until(() -> api.getTokenState().fetches() == 2);
				call(webClient);
				assertThat(this.partner.tokenRequests()).as("one renewal for all calls in the window").isEqualTo(2);
				assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
					.startsWith("Bearer token-1")
					.endsWith("Bearer token-2");
			});
	}

	@Test
	void responseWithoutExpiresInGetsTheConfiguredDefaultLifetime() {
		this.partner.tokens(5, (token) -> "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}", 0);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues(this.partner.properties("acme", Map.of("default-token-lifetime", "10m")))
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				call(webClient);
				clock.advance(Duration.ofMinutes(8));
				call(webClient);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				assertThat(context.getBean(PartnerApis.class).get("acme").getTokenState().expiresAt())
					.isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(10)));
			});
	}

	@Test
	void expiredTokenIsReplacedBeforeTheNextCall() {
		this.partner.tokens(5, 1);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme").withBean(Clock.class, () -> clock).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			call(webClient);
			clock.set(context.getBean(PartnerApis.class).get("acme").getTokenState().expiresAt());
			call(webClient);
			assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
		});
	}

	private static void call(WebClient webClient) {
		webClient.get().uri("/things").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
	}

}
