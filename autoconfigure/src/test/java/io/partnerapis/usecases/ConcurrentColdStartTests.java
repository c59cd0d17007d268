package io.partnerapis.usecases;

import java.time.Duration;
import java.util.List;

import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers find no token at once: one token request serves them all.
 */
class ConcurrentColdStartTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void tokenIsFetchedOnceForConcurrentColdCalls() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 300);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{\"ok\":true}")));
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			List<String> bodies = Flux.range(0, 200)
				.flatMap((i) -> webClient.get().uri("/things").retrieve().bodyToMono(String.class), 200)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(bodies).hasSize(200).allMatch((body) -> body.contains("ok"));
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).hasSize(200)
				.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
		});
	}

}
