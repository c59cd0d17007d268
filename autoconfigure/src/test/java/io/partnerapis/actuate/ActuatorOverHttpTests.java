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

package io.partnerapis.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A WebFlux application on a random port with Spring Boot Actuator: the
 * {@code partnerApis} health contributor and the {@code partnerapis} endpoint read over
 * real HTTP, while two WireMock partners count the token requests they receive. Spring
 * Boot's test support gives the context its own Reactor Netty resources, which close in
 * order, so a short shutdown quiet period is safe.
 */
@SpringBootTest(classes = ActuatorOverHttpTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,partnerapis",
				"management.endpoint.health.show-details=always", "spring.reactor.netty.shutdown-quiet-period=10ms",
				// Spring Data Redis is on the test class path for the Redis token store;
				// this application uses no Redis, so Boot's Redis health check stays off.
				"management.health.redis.enabled=false",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration,"
						+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class ActuatorOverHttpTests {

	@RegisterExtension
	static final PartnerStub acme = new PartnerStub();

	@RegisterExtension
	static final PartnerStub broken = new PartnerStub();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("acme")
	private WebClient acmeWebClient;

	@Autowired
	@Qualifier("broken")
	private WebClient brokenWebClient;

	@DynamicPropertySource
	static void partners(DynamicPropertyRegistry registry) {
		acme.tokens(1, 3600);
		acme.apiAlwaysAnswers("/things", 200);
		broken.tokenEndpointFails(500,
				"{\"error\":\"server_error\",\"error_description\":\"cannot check secret-broken\"}");
		broken.apiAlwaysAnswers("/things", 200);
		add(registry, acme.properties("acme", Map.of()));
		add(registry, broken.properties("broken", Map.of("token.max-retries", "0")));
	}

	private static void add(DynamicPropertyRegistry registry, String[] properties) {
		for (String property : properties) {
			String[] keyAndValue = property.split("=", 2);
			registry.add(keyAndValue[0], () -> keyAndValue[1]);
		}
	}

	@Test
	void healthAndEndpointFollowTheTokenStateWithoutRequestingTokens() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(health.body());
		assertThat(json.read("$.components.partnerApis.components.acme.status", String.class)).isEqualTo("UNKNOWN");
		assertThat(json.read("$.components.partnerApis.components.broken.status", String.class)).isEqualTo("UNKNOWN");
		assertThat(json.read("$.components.partnerApis.components.acme.details.provider", String.class))
			.isEqualTo("generic");

		assertThat(PartnerStub.call(this.acmeWebClient, "/things")).isEqualTo(200);
		assertThatException().isThrownBy(() -> PartnerStub.call(this.brokenWebClient, "/things"));
		assertThat(acme.tokenRequests()).isEqualTo(1);
		assertThat(broken.tokenRequests()).isEqualTo(1);

		health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		json = JsonPath.parse(health.body());
		assertThat(json.read("$.status", String.class)).isEqualTo("DOWN");
		assertThat(json.read("$.components.partnerApis.status", String.class)).isEqualTo("DOWN");
		assertThat(json.read("$.components.partnerApis.components.acme.status", String.class)).isEqualTo("UP");
		assertThat(json.read("$.components.partnerApis.components.acme.details.tokenState", String.class))
			.isEqualTo("VALID");
		assertThat(json.read("$.components.partnerApis.components.acme.details.expiresAt", String.class)).isNotBlank();
		assertThat(json.read("$.components.partnerApis.components.broken.status", String.class)).isEqualTo("DOWN");
		assertThat(json.read("$.components.partnerApis.components.broken.details.error", String.class))
			.startsWith("PartnerTokenException: ")
			.contains("HTTP 500");

		HttpResponse<String> partners = get("/actuator/partnerapis");
		assertThat(partners.statusCode()).isEqualTo(200);
		json = JsonPath.parse(partners.body());
		assertThat(json.read("$.partners.acme.provider", String.class)).isEqualTo("generic");
		assertThat(json.read("$.partners.acme.tokenUri", String.class)).isEqualTo(acme.tokenUri());
		assertThat(json.read("$.partners.acme.baseUrl", String.class)).isEqualTo(acme.baseUrl());
		assertThat(json.read("$.partners.acme.clientAuthenticationMethod", String.class))
			.isEqualTo("client_secret_basic");
		assertThat(json.read("$.partners.acme.token.status", String.class)).isEqualTo("VALID");
		assertThat(json.read("$.partners.acme.token.expiresAt", String.class)).isNotBlank();
		assertThat(json.read("$.partners.acme.token.fetches", Integer.class)).isEqualTo(1);
		assertThat(json.read("$.partners.acme.token.failures", Integer.class)).isZero();
		assertThat(json.read("$.partners.acme.unauthorized.recovered", Integer.class)).isZero();
		assertThat(json.read("$.partners.broken.token.fetches", Integer.class)).isZero();
		assertThat(json.read("$.partners.broken.token.failures", Integer.class)).isEqualTo(1);

		HttpResponse<String> one = get("/actuator/partnerapis/broken");
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(one.body()).read("$.token.lastFailure", String.class)).contains("HTTP 500");

		for (int i = 0; i < 5; i++) {
			get("/actuator/health");
			get("/actuator/partnerapis");
		}
		assertThat(acme.tokenRequests()).isEqualTo(1);
		assertThat(broken.tokenRequests()).isEqualTo(1);
		for (String body : new String[] { health.body(), partners.body(), one.body() }) {
			assertThat(body).doesNotContain("secret-acme", "secret-broken", "client-acme", "client-broken", "token-1");
		}
	}

	@Test
	void unknownPartnerIsNotFound() throws Exception {
		assertThat(get("/actuator/partnerapis/nope").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
