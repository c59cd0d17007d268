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

package io.partnerapis.usecases;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The token endpoint misbehaves: transient failures are retried a bounded number of
 * times, final ones never, and every unusable answer becomes a
 * {@link PartnerTokenException} that says what went wrong without a secret or a token.
 */
class TokenEndpointFailureTests {

	private static final String SECRET = "secret-acme";

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void serverErrorsAreRetriedUntilATokenComes() {
		failTimes(2, aResponse().withStatus(503));
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		runner().run((context) -> {
			call(context.getBean("acmeWebClient", WebClient.class));
			assertThat(this.partner.tokenRequests()).isEqualTo(3);
		});
	}

	@Test
	void serverErrorsStopAfterTheRetriesWithAnErrorNamingPartnerAndStatus() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(aResponse().withStatus(500).withBody("<html><body>Internal error</body></html>")));
		runner().run((context) -> {
			assertThatExceptionOfType(PartnerTokenException.class)
				.isThrownBy(() -> call(context.getBean("acmeWebClient", WebClient.class)))
				.withMessageContaining("partner 'acme'")
				.withMessageContaining("HTTP 500")
				.withMessageContaining("<html><body>Internal error</body></html>")
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500))
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("http_500"));
			assertThat(this.partner.tokenRequests()).isEqualTo(3);
		});
	}

	@Test
	void connectionResetsAreRetried() {
		failTimes(1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		runner().run((context) -> {
			call(context.getBean("acmeWebClient", WebClient.class));
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void clientErrorsAreNeverRetried() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
		runner().run((context) -> {
			assertThatExceptionOfType(PartnerTokenException.class)
				.isThrownBy(() -> call(context.getBean("acmeWebClient", WebClient.class)))
				.withMessageContaining("partner 'acme' answered HTTP 401, error 'invalid_client'")
				.withMessageContaining("(Client authentication failed)")
				.withMessageNotContaining(SECRET)
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client"));
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

	@Test
	void slowAnswerTimesOutAndIsRetriedOnce() {
		this.partner.tokens(3, (token) -> PartnerStub.tokenResponse(token, 3600), 3000);
		runner()
			.withPropertyValues("partner.apis.acme.token.response-timeout=300ms",
					"partner.apis.acme.token.max-retries=1")
			.run((context) -> {
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> call(context.getBean("acmeWebClient", WebClient.class)))
					.withMessageContaining("partner 'acme'")
					.withMessageContaining("got no response within PT0.3S")
					.satisfies((ex) -> assertThat(ex.getStatus()).isNull());
				assertThat(this.partner.tokenRequests()).isEqualTo(2);
			});
	}

	@Test
	void redirectIsNeverFollowedSoTheSecretStaysWithTheTokenEndpoint() {
		try (PartnerStub elsewhere = new PartnerStub()) {
			elsewhere.tokens(1, 3600);
			this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
				.willReturn(aResponse().withStatus(307).withHeader("Location", elsewhere.tokenUri())));
			runner().run((context) -> {
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> call(context.getBean("acmeWebClient", WebClient.class)))
					.withMessageContaining("HTTP 307");
				assertThat(elsewhere.server().getAllServeEvents()).isEmpty();
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
			});
		}
	}

	@Test
	void unreachableEndpointIsReportedWithItsAddress() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String tokenUri = "http://127.0.0.1:" + closedPort + "/oauth/token";
		runner().withPropertyValues("partner.apis.acme.token-uri=" + tokenUri)
			.run((context) -> assertThatExceptionOfType(PartnerTokenException.class)
				.isThrownBy(() -> call(context.getBean("acmeWebClient", WebClient.class)))
				.withMessageContaining("partner 'acme' to " + tokenUri + " could not be sent")
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("token_endpoint_unreachable")));
	}

	@Test
	void connectTimeoutBoundsAnEndpointThatNeverAccepts() throws Exception {
		try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<Socket> backlog = new ArrayList<>();
			try {
				for (int i = 0; i < 4; i++) {
					Socket socket = new Socket();
					socket.connect(full.getLocalSocketAddress(), 200);
					backlog.add(socket);
				}
			}
			catch (IOException ex) {
				// The backlog is full: further connections hang, which is what this test
				// needs.
			}
			String tokenUri = "http://127.0.0.1:" + full.getLocalPort() + "/oauth/token";
			runner()
				.withPropertyValues("partner.apis.acme.token-uri=" + tokenUri,
						"partner.apis.acme.token.connect-timeout=500ms", "partner.apis.acme.token.response-timeout=20s",
						"partner.apis.acme.token.max-retries=0")
				.run((context) -> {
					long start = System.nanoTime();
					assertThatExceptionOfType(PartnerTokenException.class)
						.isThrownBy(() -> call(context.getBean("acmeWebClient", WebClient.class)))
						.withMessageContaining("could not be sent")
						.withMessageContaining("timed out");
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
				});
			for (Socket socket : backlog) {
				socket.close();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unusableBodies")
	void unusableTokenResponseIsATypedErrorThatMasksTokens(String description, String body, String expected) {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).willReturn(PartnerStub.json(body)));
		runner().run((context) -> {
			assertThatExceptionOfType(PartnerTokenException.class)
				.isThrownBy(() -> call(context.getBean("acmeWebClient", WebClient.class)))
				.withMessageContaining("partner 'acme' answered HTTP 200")
				.withMessageContaining(expected)
				.withMessageNotContaining("tok-VALUE")
				.withMessageNotContaining(SECRET);
			assertThat(this.partner.tokenRequests()).as("never retried").isEqualTo(1);
		});
	}

	static Stream<Arguments> unusableBodies() {
		return Stream.of(Arguments.of("html", "<html>Maintenance</html>", "not a JSON object"),
				Arguments.of("empty", "", "the body was empty"),
				Arguments.of("empty object", "{}", "it has no 'access_token'"),
				Arguments.of("no access token", "{\"token_type\":\"bearer\",\"expires_in\":60}",
						"it has no 'access_token'"),
				Arguments.of("other token type", "{\"access_token\":\"tok-VALUE\",\"token_type\":\"mac\"}",
						"its token_type is not 'Bearer'"),
				Arguments.of("negative lifetime",
						"{\"access_token\":\"tok-VALUE\",\"token_type\":\"bearer\",\"expires_in\":-5}",
						"its expires_in is outside"),
				Arguments.of("absurd lifetime",
						"{\"access_token\":\"tok-VALUE\",\"token_type\":\"bearer\",\"expires_in\":99999999999}",
						"its expires_in is outside"),
				Arguments.of("lifetime not a number",
						"{\"access_token\":\"tok-VALUE\",\"token_type\":\"bearer\",\"expires_in\":\"soon\"}",
						"its expires_in is not a number"),
				Arguments.of("truncated", "{\"access_token\":\"tok-VALUE\",\"token_ty", "not a JSON object"),
				Arguments.of("secret echoed",
						"{\"error_hint\":\"bad client " + SECRET + "\",\"refresh_token\":\"tok-VALUE\"}",
						"it has no 'access_token'"));
	}

	@Test
	void failedRenewalKeepsTheValidTokenAndIsNotTriedOnEveryCall() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("renewal")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("down")
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-1", 6))));
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("renewal")
			.whenScenarioStateIs("down")
			.willReturn(aResponse().withStatus(503)));
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		runner().withPropertyValues("partner.apis.acme.token.max-retries=0")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				PartnerApi api = context.getBean(PartnerApis.class).get("acme");
				call(webClient);
				clock.set(api.getTokenState().renewAt().plusMillis(1));
				call(webClient);
				await().atMost(Duration.ofSeconds(5)).until(() -> api.getTokenState().failures() == 1);
				for (int i = 0; i < 20; i++) {
					call(webClient);
				}
				assertThat(this.partner.tokenRequests()).as("one failed renewal, not one per call").isEqualTo(2);
				assertThat(api.getTokenState().lastFetchFailed()).isTrue();
				assertThat(api.getTokenState().lastFailure()).contains("HTTP 503");
				assertThat(this.partner.apiRequests()).hasSize(22)
					.allSatisfy(
							(request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
			});
	}

	private ApplicationContextRunner runner() {
		return this.partner.contextRunner("acme")
			.withPropertyValues(this.partner.properties("acme", Map.of("token.retry-backoff", "10ms")));
	}

	private void failTimes(int times, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
		for (int i = 0; i < times; i++) {
			this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("flaky")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "failed-" + i)
				.willSetStateTo("failed-" + (i + 1))
				.willReturn(failure));
		}
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("flaky")
			.whenScenarioStateIs("failed-" + times)
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-1", 3600))));
	}

	private static void call(WebClient webClient) {
		webClient.get().uri("/things").retrieve().toBodilessEntity().block(Duration.ofSeconds(20));
	}

}
