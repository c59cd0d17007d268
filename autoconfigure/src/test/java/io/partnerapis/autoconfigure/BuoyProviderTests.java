package io.partnerapis.autoconfigure;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buoy on the wire: client id, secret, audience and grant type as a JSON body, and a 401
 * with Buoy's own body renews the token and replays the request.
 */
class BuoyProviderTests {

	@RegisterExtension
	final PartnerStub buoy = new PartnerStub("/oauth/token");

	@Test
	void tokenRequestIsAJsonBodyWithTheProductionAudience() {
		this.buoy.tokens(3, 86400);
		this.buoy.stub(get(urlPathEqualTo("/symptom-checker/v1/interviews")).willReturn(PartnerStub.json("{}")));
		this.buoy.contextRunner("buoy").run((context) -> {
			call(context.getBean("buoyWebClient", WebClient.class));
			LoggedRequest token = this.buoy.tokenRequestsReceived().get(0);
			assertThat(token.getHeader("Content-Type")).startsWith("application/json");
			assertThat(token.containsHeader("Authorization")).isFalse();
			assertThat(JsonParserFactory.getJsonParser().parseMap(token.getBodyAsString()))
				.isEqualTo(Map.of("client_id", "client-buoy", "client_secret", "secret-buoy", "audience",
						"https://api.buoyhealth.com", "grant_type", "client_credentials"));
		});
	}

	@Test
	void sandboxUsesTheSandboxAudience() {
		this.buoy.tokens(3, 86400);
		this.buoy.stub(get(urlPathEqualTo("/symptom-checker/v1/interviews")).willReturn(PartnerStub.json("{}")));
		this.buoy.contextRunner("buoy").withPropertyValues("partner.apis.buoy.environment=sandbox").run((context) -> {
			call(context.getBean("buoyWebClient", WebClient.class));
			assertThat(JsonParserFactory.getJsonParser()
				.parseMap(this.buoy.tokenRequestsReceived().get(0).getBodyAsString()))
				.containsEntry("audience", "https://api.sandbox.buoyhealth.com");
		});
	}

	@Test
	void invalidOrExpiredTokenAnswerRenewsAndReplays() {
		this.buoy.tokens(3, 86400);
		this.buoy.stub(get(urlPathEqualTo("/symptom-checker/v1/interviews"))
			.withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"detail\": \"Token is invalid or expired (decode).\"}")));
		this.buoy.stub(get(urlPathEqualTo("/symptom-checker/v1/interviews"))
			.withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(PartnerStub.json("{\"interviews\":[]}")));
		this.buoy.contextRunner("buoy").run((context) -> {
			String body = context.getBean("buoyWebClient", WebClient.class)
				.get()
				.uri("/symptom-checker/v1/interviews")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo("{\"interviews\":[]}");
			assertThat(this.buoy.tokenRequests()).isEqualTo(2);
		});
	}

	private static void call(WebClient webClient) {
		webClient.get()
			.uri("/symptom-checker/v1/interviews")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
	}

}
