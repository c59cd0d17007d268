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

package io.partnerapis.sample.webmvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the application on Tomcat on a random port, with SmartSense played by the test
 * kit's stand-in (which speaks SmartSense's token dialect; no token endpoint is stubbed
 * here), and calls the controller over HTTP, without credentials, in both its styles.
 * {@code application.yml} reads SmartSense's credentials from variables the build machine
 * lacks; the kit supplies test values.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigurePartnerStandIns
@Import(SensorControllerTests.ThreadProbe.class)
class SensorControllerTests {

	private static final String SENSORS = "{\"sensors\":[{\"id\":\"s-1\"}]}";

	@LocalServerPort
	private int port;

	@Autowired
	private PartnerStandIns standIns;

	private final HttpClient http = HttpClient.newHttpClient();

	private PartnerStandIn smartsense;

	@BeforeEach
	void stubSensors() {
		this.smartsense = this.standIns.partner("smartsense");
		this.smartsense.server().stubFor(get(urlPathEqualTo("/v1/sensors")).willReturn(okJson(SENSORS)));
	}

	@Test
	void bothStylesServeSensorsFetchedWithOneSharedToken() throws Exception {
		HttpResponse<String> httpInterface = call("/sensors");
		HttpResponse<String> restClient = call("/sensors/rest-client");
		assertThat(httpInterface.statusCode()).isEqualTo(200);
		assertThat(httpInterface.body()).isEqualTo(SENSORS);
		assertThat(httpInterface.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/json"));
		assertThat(restClient.statusCode()).isEqualTo(200);
		assertThat(restClient.body()).isEqualTo(SENSORS);
		this.smartsense.server().verify(2, getRequestedFor(urlPathEqualTo("/v1/sensors")));
		assertThat(this.smartsense).usedOneTokenForEveryApiRequest().refusedNothing();
	}

	@Test
	void aRevokedTokenIsReplacedWithoutTheCallerNoticing() throws Exception {
		assertThat(call("/sensors").statusCode()).isEqualTo(200);
		int tokenRequests = this.smartsense.tokenRequests().size();
		this.smartsense.revokeAllTokens();
		HttpResponse<String> afterRevocation = call("/sensors");
		assertThat(afterRevocation.statusCode()).isEqualTo(200);
		assertThat(afterRevocation.body()).isEqualTo(SENSORS);
		assertThat(this.smartsense).receivedTokenRequests(tokenRequests + 1).everyApiRequestCarriedAnIssuedToken();
		assertThat(this.smartsense.refusals()).containsExactly("missing or invalid bearer token");
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void requestsAreServedOnVirtualThreads() throws Exception {
		HttpResponse<String> probe = call("/thread");
		assertThat(probe.statusCode()).isEqualTo(200);
		assertThat(probe.body()).startsWith("VirtualThread");
	}

	private HttpResponse<String> call(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Tells which kind of thread serves a request.
	 */
	@RestController
	static class ThreadProbe {

		@GetMapping("/thread")
		String thread() {
			return Thread.currentThread().toString();
		}

	}

}
