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
import io.partnerapis.test.standin.StandInSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buoy on the wire, against Buoy's stand-in: client id, secret, audience and grant type
 * as a JSON body, and a 401 with Buoy's own body renews the token and replays the
 * request.
 */
class BuoyProviderTests {

	private static final String INTERVIEWS = "/symptom-checker/v1/interviews";

	@RegisterExtension
	final ProviderStandIn standIn = new ProviderStandIn("buoy");

	private final StandInServer buoy = this.standIn.server();

	@BeforeEach
	void serveInterviews() {
		this.buoy.server().stubFor(get(urlPathEqualTo(INTERVIEWS)).willReturn(okJson("{\"interviews\":[]}")));
	}

	@Test
	void tokenRequestIsAJsonBodyWithTheProductionAudience() {
		this.standIn.contextRunner().run((context) -> {
			call(context.getBean("buoyWebClient", WebClient.class));
			LoggedRequest token = this.buoy.tokenRequests().get(0);
			assertThat(token.getHeader("Content-Type")).startsWith("application/json");
			assertThat(token.containsHeader("Authorization")).isFalse();
			assertThat(JsonParserFactory.getJsonParser().parseMap(token.getBodyAsString()))
				.isEqualTo(Map.of("client_id", "client-buoy", "client_secret", "secret-buoy", "audience",
						"https://api.buoyhealth.com", "grant_type", "client_credentials"));
			assertThat(this.buoy.apiRequests()).singleElement()
				.satisfies((api) -> assertThat(api.getHeader("Authorization"))
					.isEqualTo("Bearer " + this.buoy.tokens().issuedTokens().get(0)));
			assertThat(this.buoy.refusals()).isEmpty();
		});
	}

	@Test
	void sandboxUsesTheSandboxAudience() {
		StandInServer sandbox = this.standIn
			.start(new StandInSettings("buoy", "buoy", "sandbox", "client-buoy", "secret-buoy", null, null, null));
		sandbox.server().stubFor(get(urlPathEqualTo(INTERVIEWS)).willReturn(okJson("{\"interviews\":[]}")));
		this.standIn.contextRunner(sandbox).run((context) -> {
			call(context.getBean("buoyWebClient", WebClient.class));
			assertThat(JsonParserFactory.getJsonParser().parseMap(sandbox.tokenRequests().get(0).getBodyAsString()))
				.containsEntry("audience", "https://api.sandbox.buoyhealth.com");
			assertThat(sandbox.refusals()).isEmpty();
		});
	}

	@Test
	void invalidOrExpiredTokenAnswerRenewsAndReplays() {
		this.standIn.contextRunner().run((context) -> {
			WebClient webClient = context.getBean("buoyWebClient", WebClient.class);
			call(webClient);
			this.buoy.tokens().revokeAll();
			String body = webClient.get()
				.uri(INTERVIEWS)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo("{\"interviews\":[]}");
			assertThat(this.buoy.tokenRequests()).hasSize(2);
			assertThat(this.buoy.refusals()).as("Buoy's 401, answered to the revoked token only")
				.containsExactly("missing or invalid bearer token");
			assertThat(this.buoy.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly(bearer(0), bearer(0), bearer(1));
		});
	}

	private String bearer(int index) {
		return "Bearer " + this.buoy.tokens().issuedTokens().get(index);
	}

	private static void call(WebClient webClient) {
		webClient.get().uri(INTERVIEWS).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
	}

}
