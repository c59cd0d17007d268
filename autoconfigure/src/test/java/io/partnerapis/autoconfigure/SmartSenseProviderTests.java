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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
 * SmartSense on the wire, against SmartSense's stand-in: HTTP Basic client authentication
 * at /auth/oauth, JSON accepted, grant type alone in the form body.
 */
class SmartSenseProviderTests {

	@RegisterExtension
	final ProviderStandIn standIn = new ProviderStandIn("smartsense");

	private final StandInServer smartsense = this.standIn.server();

	@Test
	void tokenRequestUsesBasicAuthAndAcceptsJson() {
		this.smartsense.server().stubFor(get(urlPathEqualTo("/partnerdata/v1/devices")).willReturn(okJson("[]")));
		this.standIn.contextRunner().run((context) -> {
			WebClient webClient = context.getBean("smartsenseWebClient", WebClient.class);
			webClient.get().uri("/partnerdata/v1/devices").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			LoggedRequest token = this.smartsense.tokenRequests().get(0);
			assertThat(token.getUrl()).isEqualTo("/auth/oauth");
			assertThat(token.getHeader("Accept")).isEqualTo("application/json");
			assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
			assertThat(token.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
				.encodeToString("client-smartsense:secret-smartsense".getBytes(StandardCharsets.UTF_8)));
			assertThat(token.containsHeader("Content-Length")).isTrue();
			assertThat(Forms.parse(token.getBodyAsString())).isEqualTo(Map.of("grant_type", "client_credentials"));
			assertThat(this.smartsense.apiRequests().get(0).getHeader("Authorization"))
				.isEqualTo("Bearer " + this.smartsense.tokens().issuedTokens().get(0));
			assertThat(this.smartsense.refusals()).isEmpty();
		});
	}

}
