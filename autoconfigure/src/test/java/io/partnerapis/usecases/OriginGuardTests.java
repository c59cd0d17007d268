package io.partnerapis.usecases;

import java.time.Duration;

import io.partnerapis.PartnerApiException;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A partner's token never goes to another origin.
 */
class OriginGuardTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@RegisterExtension
	final PartnerStub elsewhere = new PartnerStub();

	@Test
	void requestToAnotherOriginIsRefusedAndNothingIsSent() {
		this.partner.tokens(5, 3600);
		this.elsewhere.stub(get(urlPathEqualTo("/steal")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			assertThatExceptionOfType(PartnerApiException.class)
				.isThrownBy(() -> webClient.get()
					.uri(this.elsewhere.baseUrl() + "/steal")
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(10)))
				.withMessageContaining("'acme'")
				.withMessageContaining("http://127.0.0.1:" + this.elsewhere.server().port())
				.withMessageContaining("partner.apis.acme.base-url");
			assertThat(this.elsewhere.server().getAllServeEvents()).isEmpty();
			assertThat(this.partner.tokenRequests()).isZero();
		});
	}

	@Test
	void absoluteUrlOnThePartnersOriginIsAllowedAndOtherNamesForItAreNot() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			webClient.get()
				.uri("HTTP://127.0.0.1:" + this.partner.server().port() + "/things")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10));
			for (String other : new String[] { "http://localhost:" + this.partner.server().port(),
					"https://127.0.0.1:" + this.partner.server().port(), "http://127.0.0.1" }) {
				assertThatExceptionOfType(PartnerApiException.class).as(other)
					.isThrownBy(() -> webClient.get()
						.uri(other + "/things")
						.retrieve()
						.toBodilessEntity()
						.block(Duration.ofSeconds(10)));
			}
			assertThat(this.partner.apiRequests()).hasSize(1)
				.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
		});
	}

}
