package io.partnerapis.sample.webmvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the application on Tomcat on a random port, with SmartSense played by WireMock
 * on another, and calls the controller over HTTP, without credentials, in both its
 * styles.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(SensorControllerTests.ThreadProbe.class)
class SensorControllerTests {

	private static final String SENSORS = "{\"sensors\":[{\"id\":\"s-1\"}]}";

	private static final WireMockServer smartsense = startSmartSense();

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void pointSmartSenseAtWireMock(DynamicPropertyRegistry registry) {
		String baseUrl = smartsense.isRunning() ? "http://127.0.0.1:" + smartsense.port() : "http://127.0.0.1";
		registry.add("partner.apis.smartsense.token-uri", () -> baseUrl + "/auth/oauth");
		registry.add("partner.apis.smartsense.base-url", () -> baseUrl);
		registry.add("partner.apis.smartsense.client-id", () -> "sample-client");
		registry.add("partner.apis.smartsense.client-secret", () -> "sample-secret");
	}

	@AfterAll
	static void stopSmartSense() {
		smartsense.stop();
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
		assertThat(smartsense.findAll(postRequestedFor(urlPathEqualTo("/auth/oauth")))).singleElement()
			.satisfies((tokenRequest) -> {
				assertThat(tokenRequest.getHeader("Authorization")).startsWith("Basic ");
				assertThat(tokenRequest.getBodyAsString()).isEqualTo("grant_type=client_credentials");
			});
		assertThat(smartsense.findAll(getRequestedFor(urlPathEqualTo("/v1/sensors")))).hasSize(2)
			.allSatisfy(
					(apiRequest) -> assertThat(apiRequest.getHeader("Authorization")).isEqualTo("Bearer sample-token"));
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
	 * Starts WireMock as SmartSense, except while the test is processed ahead of time
	 * ({@code spring-boot:process-test-aot}): that needs only the partner's name, and a
	 * running server would keep the processing JVM alive.
	 */
	private static WireMockServer startSmartSense() {
		WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			return server;
		}
		server.start();
		server.stubFor(post(urlPathEqualTo("/auth/oauth")).withBasicAuth("sample-client", "sample-secret")
			.withHeader("Accept", equalTo("application/json"))
			.withFormParam("grant_type", equalTo("client_credentials"))
			.willReturn(okJson("{\"access_token\":\"sample-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
		server.stubFor(get(urlPathEqualTo("/v1/sensors")).withHeader("Authorization", equalTo("Bearer sample-token"))
			.willReturn(okJson(SENSORS)));
		return server;
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
