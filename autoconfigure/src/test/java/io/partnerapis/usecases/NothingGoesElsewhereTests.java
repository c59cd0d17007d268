package io.partnerapis.usecases;

import java.util.Map;

import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.actuate.PartnerApiHealthIndicator;
import io.partnerapis.actuate.PartnerApisEndpoint;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Nothing of a partner's goes where it does not belong: partner clients do not follow
 * redirects, and a token endpoint's 2xx body, which may hold a live token under an
 * unexpected name, is described by its shape only.
 */
class NothingGoesElsewhereTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@RegisterExtension
	final PartnerStub elsewhere = new PartnerStub();

	@ParameterizedTest(name = "spring.http.clients.redirects={0}")
	@ValueSource(strings = { "", "follow", "follow-when-possible" })
	void redirectsToAnotherOriginAreNotFollowed(String redirects) {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", this.elsewhere.baseUrl() + "/things")));
		this.elsewhere.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme")
			.withPropertyValues(this.partner.properties("acme", Map.of("headers.X-Api-Key", "key-of-acme")))
			.withPropertyValues(
					redirects.isEmpty() ? new String[0] : new String[] { "spring.http.clients.redirects=" + redirects })
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(307);
				assertThat(this.elsewhere.server().getAllServeEvents()).isEmpty();
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
			});
	}

	@Test
	void tokenFoundUnderAnUnexpectedNameIsNeverQuoted() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(PartnerStub.json("{\"data\":{\"accessToken\":\"live-TOKEN-value\",\"expires_in\":600}}")));
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.response-path=data")
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"))
					.withMessageContaining("it has no 'access_token' inside 'data'")
					.withMessageContaining("{data{accessToken, expires_in}}")
					.withMessageNotContaining("live-TOKEN-value")
					.withMessageNotContaining("600");
				PartnerApis apis = context.getBean(PartnerApis.class);
				assertThat(apis.get("acme").getTokenState().lastFailure()).contains("accessToken")
					.doesNotContain("live-TOKEN-value");
				assertThat(new PartnerApiHealthIndicator(apis.get("acme")).health().getDetails().toString())
					.contains("accessToken")
					.doesNotContain("live-TOKEN-value");
				assertThat(new PartnerApisEndpoint(apis).partners().toString()).contains("accessToken")
					.doesNotContain("live-TOKEN-value");
			});
	}

}
