package io.partnerapis.autoconfigure;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BudSense on the wire: client id and secret in the form body, scope budsense/read.
 */
class BudSenseProviderTests {

	@RegisterExtension
	final PartnerStub budsense = new PartnerStub("/oauth/token");

	@Test
	void tokenRequestCarriesCredentialsAndScopeInTheFormBody() {
		this.budsense.stub(post(urlPathEqualTo("/oauth/token")).willReturn(
				PartnerStub.json("{\"access_token\":\"eyJ.budsense\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		this.budsense.stub(get(urlPathEqualTo("/v1/sensors")).willReturn(PartnerStub.json("[]")));
		this.budsense.contextRunner("budsense").run((context) -> {
			WebClient webClient = context.getBean("budsenseWebClient", WebClient.class);
			webClient.get().uri("/v1/sensors").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			LoggedRequest token = this.budsense.tokenRequestsReceived().get(0);
			assertThat(token.getMethod().getName()).isEqualTo("POST");
			assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(token.containsHeader("Authorization")).isFalse();
			assertThat(Forms.parse(token.getBodyAsString())).isEqualTo(Map.of("grant_type", "client_credentials",
					"client_id", "client-budsense", "client_secret", "secret-budsense", "scope", "budsense/read"));
			LoggedRequest api = this.budsense.apiRequests().get(0);
			assertThat(api.getHeader("Authorization")).isEqualTo("Bearer eyJ.budsense");
		});
	}

}
