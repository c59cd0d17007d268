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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * BudSense on the wire, against BudSense's stand-in: client id and secret in the form
 * body, scope budsense/read.
 */
class BudSenseProviderTests {

	@RegisterExtension
	final ProviderStandIn standIn = new ProviderStandIn("budsense");

	private final StandInServer budsense = this.standIn.server();

	@Test
	void tokenRequestCarriesCredentialsAndScopeInTheFormBody() {
		this.budsense.server().stubFor(get(urlPathEqualTo("/v1/sensors")).willReturn(okJson("[]")));
		this.standIn.contextRunner().run((context) -> {
			WebClient webClient = context.getBean("budsenseWebClient", WebClient.class);
			webClient.get().uri("/v1/sensors").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			LoggedRequest token = this.budsense.tokenRequests().get(0);
			assertThat(token.getMethod().getName()).isEqualTo("POST");
			assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(token.containsHeader("Authorization")).isFalse();
			assertThat(Forms.parse(token.getBodyAsString())).isEqualTo(Map.of("grant_type", "client_credentials",
					"client_id", "client-budsense", "client_secret", "secret-budsense", "scope", "budsense/read"));
			LoggedRequest api = this.budsense.apiRequests().get(0);
			assertThat(api.getHeader("Authorization"))
				.isEqualTo("Bearer " + this.budsense.tokens().issuedTokens().get(0));
			assertThat(this.budsense.refusals()).isEmpty();
		});
	}

}
