package io.partnerapis.autoconfigure;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bemobi on the wire: credentials and audience in the form body, a token URI the user
 * must give, and no token spent needlessly.
 */
class BemobiProviderTests {

	@RegisterExtension
	final PartnerStub bemobi = new PartnerStub("/oauth/token");

	@Test
	void tokenRequestCarriesCredentialsAndTheDocumentedAudience() {
		this.bemobi.tokens(3, 3600);
		this.bemobi.stub(get(urlPathEqualTo("/payments")).willReturn(PartnerStub.json("[]")));
		this.bemobi.contextRunner("bemobi").run((context) -> {
			WebClient webClient = context.getBean("bemobiWebClient", WebClient.class);
			for (int i = 0; i < 25; i++) {
				webClient.get().uri("/payments").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			}
			assertThat(this.bemobi.tokenRequests()).as("one token for all calls").isEqualTo(1);
			LoggedRequest token = this.bemobi.tokenRequestsReceived().get(0);
			assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(token.containsHeader("Authorization")).isFalse();
			assertThat(Forms.parse(token.getBodyAsString()))
				.isEqualTo(Map.of("grant_type", "client_credentials", "client_id", "client-bemobi", "client_secret",
						"secret-bemobi", "audience", "https://api.wave.bemobi.com"));
		});
	}

	@Test
	void startupFailsNamingTheTokenUriWhenItIsMissing() {
		PartnerContexts.runner()
			.withPropertyValues("partner.apis.bemobi.client-id=id", "partner.apis.bemobi.client-secret=s3cr3t-value")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(PartnerApiConfigurationException.class)
					.hasMessageContaining("'partner.apis.bemobi.token-uri' is missing")
					.hasMessageNotContaining("s3cr3t-value");
				PartnerApiConfigurationException failure = (PartnerApiConfigurationException) context
					.getStartupFailure()
					.getCause()
					.getCause();
				assertThat(failure.getProblems()).singleElement()
					.satisfies((problem) -> assertThat(problem.action()).contains("integration team"));
			});
	}

}
