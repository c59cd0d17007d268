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

package io.partnerapis.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.store.TokenKey;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WireMock server on a random loopback port that plays one partner: a token endpoint
 * handing out {@code token-1}, {@code token-2}, ... in order, and whatever API stubs a
 * test adds. Counts what it actually received.
 *
 * <p>
 * The server starts when the stub is created, so that context runners can be built from
 * it in field initialisers. It is also a JUnit extension that stops it: register it with
 * {@code @RegisterExtension} on an instance field for a server per test, or on a static
 * field for one server per test class. Used on its own, close it.
 */
public final class PartnerStub implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	public static final String TOKEN_PATH = "/oauth/token";

	private final WireMockServer server;

	private final String tokenPath;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile boolean perClass;

	public PartnerStub() {
		this(TOKEN_PATH);
	}

	public PartnerStub(String tokenPath) {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(64)
			.jettyAcceptors(2));
		this.server.start();
		this.tokenPath = tokenPath;
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public String tokenUri() {
		return baseUrl() + this.tokenPath;
	}

	/**
	 * Stubs the token endpoint to answer {@code count} requests in turn with
	 * {@code token-1} ... {@code token-<count>}, each with the given body template.
	 * @param count how many tokens to hand out
	 * @param body makes the JSON body for a token value
	 * @param delayMillis how long each answer takes
	 */
	public void tokens(int count, Function<String, String> body, int delayMillis) {
		for (int i = 1; i <= count; i++) {
			String state = (i == 1) ? Scenario.STARTED : "issued-" + (i - 1);
			stub(post(urlPathEqualTo(this.tokenPath)).inScenario("tokens")
				.whenScenarioStateIs(state)
				.willSetStateTo("issued-" + i)
				.willReturn(json(body.apply("token-" + i)).withFixedDelay(delayMillis)));
		}
	}

	/**
	 * Stubs the token endpoint with standard responses of the given lifetime.
	 * @param count how many tokens to hand out
	 * @param expiresIn the lifetime in seconds
	 */
	public void tokens(int count, int expiresIn) {
		tokens(count, (token) -> tokenResponse(token, expiresIn), 0);
	}

	public static String tokenResponse(String token, int expiresIn) {
		return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
	}

	public static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	/**
	 * Stubs the token endpoint to answer every request with the given status and body,
	 * replacing what {@link #tokens(int, int)} set up.
	 * @param status the HTTP status
	 * @param body the body
	 */
	public void tokenEndpointFails(int status, String body) {
		stub(post(urlPathEqualTo(this.tokenPath))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	/**
	 * Forgets every stub and scenario state, keeping the record of received requests, so
	 * that a test can change how the partner answers half way through.
	 */
	public void resetStubs() {
		this.server.resetMappings();
		this.server.resetScenarios();
	}

	/**
	 * Stubs {@code GET path} to answer with the given status to requests that carry the
	 * given bearer token.
	 * @param path the API path
	 * @param token the token value the request must carry
	 * @param status the HTTP status to answer with
	 */
	public void apiAnswers(String path, String token, int status) {
		stub(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	/**
	 * Stubs {@code GET path} to answer every request with the given status, whatever
	 * token it carries.
	 * @param path the API path
	 * @param status the HTTP status to answer with
	 */
	public void apiAlwaysAnswers(String path, int status) {
		stub(get(urlPathEqualTo(path))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	/**
	 * Sends {@code GET path} through a partner WebClient and returns the status of the
	 * final answer, after any replay.
	 * @param webClient the partner's WebClient
	 * @param path the API path
	 * @return the HTTP status
	 */
	public static int call(WebClient webClient, String path) {
		Integer status = webClient.get()
			.uri(path)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(30));
		return (status != null) ? status : -1;
	}

	/**
	 * Sends {@code GET path} through a partner WebClient, expects 200, and returns the
	 * {@code Authorization} header that reached the partner with it.
	 * @param webClient the partner's WebClient
	 * @param path the API path
	 * @return the header the call presented
	 */
	public String presented(WebClient webClient, String path) {
		assertThat(call(webClient, path)).isEqualTo(200);
		List<LoggedRequest> requests = apiRequests();
		return requests.get(requests.size() - 1).getHeader("Authorization");
	}

	/**
	 * Sends {@code GET path} through a partner RestClient and returns the status of the
	 * final answer, after any replay.
	 * @param restClient the partner's RestClient
	 * @param path the API path
	 * @return the HTTP status
	 */
	public static int call(RestClient restClient, String path) {
		return restClient.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
	}

	public void stub(MappingBuilder mapping) {
		this.server.stubFor(mapping);
	}

	public int tokenRequests() {
		return this.server.countRequestsMatching(postRequestedFor(urlPathEqualTo(this.tokenPath)).build()).getCount();
	}

	public List<LoggedRequest> tokenRequestsReceived() {
		return this.server.findAll(postRequestedFor(urlPathEqualTo(this.tokenPath)));
	}

	public List<LoggedRequest> apiRequests() {
		List<LoggedRequest> api = new ArrayList<>(this.server.findAll(anyRequestedFor(anyUrl())));
		api.removeIf((request) -> request.getUrl().startsWith(this.tokenPath));
		return api;
	}

	/**
	 * Returns a context runner with partner-apis and Spring Boot's WebClient
	 * auto-configuration, and a partner of the given name pointed at this stub.
	 * @param name the partner's name
	 * @return the context runner
	 */
	public ApplicationContextRunner contextRunner(String name) {
		return PartnerContexts.runner().withPropertyValues(properties(name, Map.of()));
	}

	/**
	 * Returns the store key of the token of a partner pointed at this stub by
	 * {@link #properties(String, Map)} with no token parameter or header and the default
	 * request format and client authentication (whose identity is the method's name).
	 * @param name the partner's name
	 * @return the key
	 */
	public TokenKey tokenKey(String name) {
		return TokenKey.builder(name)
			.tokenUri(tokenUri())
			.clientId("client-" + name)
			.requestFormat("FORM")
			.clientAuthentication("client_secret_basic")
			.build();
	}

	public String[] properties(String name, Map<String, String> extra) {
		List<String> properties = new ArrayList<>();
		String prefix = "partner.apis." + name + ".";
		properties.add(prefix + "client-id=client-" + name);
		properties.add(prefix + "client-secret=secret-" + name);
		properties.add(prefix + "token-uri=" + tokenUri());
		properties.add(prefix + "base-url=" + baseUrl());
		extra.forEach((key, value) -> properties.add(prefix + key + "=" + value));
		return properties.toArray(String[]::new);
	}

	/**
	 * Notes that the stub is registered on a static field, so it serves every test of the
	 * class; JUnit calls this only for such extensions.
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop();
		}
	}

}
