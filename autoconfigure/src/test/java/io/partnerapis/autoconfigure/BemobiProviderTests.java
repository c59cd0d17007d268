/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.autoconfigure;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.test.standin.StandInServer;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bemobi on the wire, against Bemobi's stand-in: credentials and audience in the form
 * body, a token URI the user must give, and no token spent needlessly.
 */
class BemobiProviderTests {

	@RegisterExtension
	final ProviderStandIn standIn = new ProviderStandIn("bemobi");

	private final StandInServer bemobi = this.standIn.server();

	@Test
	void tokenRequestCarriesCredentialsAndTheDocumentedAudience() {
		this.bemobi.server().stubFor(get(urlPathEqualTo("/payments")).willReturn(okJson("[]")));
		this.standIn.contextRunner().run((context) -> {
			WebClient webClient = context.getBean("bemobiWebClient", WebClient.class);
			for (int i = 0; i < 25; i++) {
				webClient.get().uri("/payments").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			}
			assertThat(this.bemobi.tokenRequests()).as("one token for all calls").hasSize(1);
			LoggedRequest token = this.bemobi.tokenRequests().get(0);
			assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(token.containsHeader("Authorization")).isFalse();
			assertThat(Forms.parse(token.getBodyAsString()))
				.isEqualTo(Map.of("grant_type", "client_credentials", "client_id", "client-bemobi", "client_secret",
						"secret-bemobi", "audience", "https://api.wave.bemobi.com"));
			String issued = this.bemobi.tokens().issuedTokens().get(0);
			assertThat(this.bemobi.apiRequests()).hasSize(25)
				.allSatisfy((api) -> assertThat(api.getHeader("Authorization")).isEqualTo("Bearer " + issued));
			assertThat(this.bemobi.refusals()).isEmpty();
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
