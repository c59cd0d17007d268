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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import io.partnerapis.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.web.service.annotation.GetExchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No client secret, private key, signed client assertion or token shows in any log line
 * at any level, in exception messages or in the {@code toString()} of partner-apis types,
 * through token fetches in form and JSON, a 401 recovery, a token endpoint that echoes
 * the secret and an HTTP service group, even with Spring's request details logging turned
 * on for the application; the same for each client type of a partner, which a subclass
 * names.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractSecretsStaySecretTests extends AbstractPartnerClientTests {

	private static final String SECRET = "Sup3r-S3cret-Client-Value";

	private static final String TOKEN_ONE = "tok-AAAA-first-issued";

	private static final String TOKEN_TWO = "tok-BBBB-second-issued";

	private static final String REFRESH = "rt-CCCC-refresh-value";

	private static final String HMAC_SECRET = "Hmac-S3cret-of-at-least-thirty-two-bytes";

	@TempDir
	Path keys;

	private Level rootLevel;

	AbstractSecretsStaySecretTests(PartnerClient.Type clientType) {
		super(clientType);
	}

	@BeforeEach
	void logEverything() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.rootLevel = root.getLevel();
		root.setLevel(Level.TRACE);
	}

	@AfterEach
	void restore() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(this.rootLevel);
	}

	@Test
	void tokensAndSecretsAppearNowhere(CapturedOutput output) {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("Started")
			.willSetStateTo("second")
			.willReturn(PartnerStub.json("{\"access_token\":\"" + TOKEN_ONE
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"" + REFRESH + "\"}")));
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("second")
			.willSetStateTo("broken")
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse(TOKEN_TWO, 3600))));
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("broken")
			.willReturn(aResponse().withStatus(400)
				.withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + SECRET
						+ "\",\"access_token\":\"" + TOKEN_ONE + "\"}")));
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + TOKEN_ONE))
			.willReturn(aResponse().withStatus(401)));
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + TOKEN_TWO))
			.willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme")
			.withPropertyValues(this.partner.properties("acme",
					Map.of("client-secret", SECRET, "token.request-format", "json", "token.max-retries", "0",
							"unauthorized-renewal-interval", "1ms")))
			.withPropertyValues("spring.codec.log-request-details=true")
			.run((context) -> {
				PartnerClient client = client(context);
				assertThat(client.status("/things")).isEqualTo(200);
				PartnerApis apis = context.getBean(PartnerApis.class);
				this.partner
					.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + TOKEN_TWO))
						.willReturn(aResponse().withStatus(401)));
				PartnerTokenException failure = assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> client.body("/things"))
					.actual();
				assertThat(failure.getMessage()).contains("invalid_client").doesNotContain(SECRET, TOKEN_ONE);
				assertThat(String.valueOf(failure.getError())).doesNotContain(SECRET, TOKEN_ONE);
				String described = apis + " " + apis.get("acme") + " " + apis.get("acme").getTokenState() + " "
						+ context.getBean(PartnerApisProperties.class).getApis().get("acme");
				assertThat(described).doesNotContain(SECRET, TOKEN_ONE, TOKEN_TWO, REFRESH);
			});
		assertThat(this.partner.tokenRequests()).as("the flows ran").isEqualTo(3);
		assertThat(output.getAll()).as("logging ran at trace level").contains("TRACE").contains("DEBUG");
		assertThat(output.getAll()).doesNotContain(SECRET, TOKEN_ONE, TOKEN_TWO, REFRESH);
	}

	@Test
	void privateKeysSecretsAndSignedAssertionsAppearNowhere(CapturedOutput output) throws Exception {
		Path keyFile = this.keys.resolve("partner.pem");
		String key = TestKeys.writePkcs8(TestKeys.rsa(2048), keyFile);
		List<String> keyLines = Files.readAllLines(keyFile)
			.stream()
			.filter((line) -> !line.startsWith("-----"))
			.toList();
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("Started")
			.willSetStateTo("broken")
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse(TOKEN_ONE, 3600))));
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("tokens")
			.whenScenarioStateIs("broken")
			.willReturn(aResponse().withStatus(400)
				.withBody("{\"error\":\"invalid_client\",\"error_description\":\"assertion {{request.body}}\"}")
				.withTransformers("response-template")));
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(aResponse().withStatus(401)));
		String[] methods = { "private-key-jwt", "client-secret-jwt" };
		for (String method : methods) {
			this.partner.contextRunner("acme")
				.withPropertyValues(this.partner.properties("acme",
						Map.of("client-authentication-method", method, "client-secret", HMAC_SECRET,
								"token.max-retries", "0", "unauthorized-renewal-interval", "1ms")))
				.withPropertyValues(method.equals("private-key-jwt") ? "partner.apis.acme.client-assertion.key=" + key
						: "partner.apis.acme.client-assertion.lifetime=60s")
				.withPropertyValues("spring.codec.log-request-details=true")
				.run((context) -> {
					PartnerClient client = client(context);
					PartnerTokenException failure = assertThatExceptionOfType(PartnerTokenException.class)
						.isThrownBy(() -> client.body("/things"))
						.actual();
					PartnerApis apis = context.getBean(PartnerApis.class);
					String described = failure.getMessage() + " " + failure.getError() + " " + apis + " "
							+ apis.get("acme") + " " + apis.get("acme").getTokenState() + " "
							+ context.getBean(PartnerApisProperties.class).getApis().get("acme");
					assertThat(described).doesNotContain(HMAC_SECRET, TOKEN_ONE).doesNotContain(keyLines);
					assertThat(described).doesNotContain(assertions());
				});
			this.partner.resetStubs();
		}
		assertThat(assertions()).as("assertions were sent").hasSizeGreaterThanOrEqualTo(2);
		assertThat(output.getAll()).as("logging ran at trace level").contains("TRACE").contains("DEBUG");
		assertThat(output.getAll()).doesNotContain(HMAC_SECRET, TOKEN_ONE)
			.doesNotContain(keyLines)
			.doesNotContain(assertions());
	}

	@Test
	void tokenAppearsInNoLogLineOfAnHttpServiceGroup(CapturedOutput output) {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse(TOKEN_ONE, 3600))));
		this.partner.apiAnswers("/things", TOKEN_ONE, 200);
		this.partner.contextRunner("acme")
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class, ReactiveHttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(groupConfiguration())
			.withPropertyValues("spring.codec.log-request-details=true")
			.run((context) -> assertThat(context.getBean(AcmeApi.class).things()).isEqualTo("{}"));
		assertThat(this.partner.apiRequests()).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN_ONE));
		assertThat(output.getAll()).as("logging ran at trace level").contains("TRACE").contains("DEBUG");
		assertThat(output.getAll()).doesNotContain(TOKEN_ONE);
	}

	/**
	 * Returns a configuration that imports an HTTP service group named {@code acme} of
	 * this client type, with the {@link AcmeApi} interface.
	 * @return the configuration class
	 */
	abstract Class<?> groupConfiguration();

	/**
	 * Returns the signed part of every assertion sent: its claims, the first 24
	 * characters after the header, which no excerpt of an answer may show either.
	 */
	private List<String> assertions() {
		return this.partner.tokenRequestsReceived()
			.stream()
			.map((request) -> Forms.parse(request.getBodyAsString()).get("client_assertion"))
			.filter(Objects::nonNull)
			.map((assertion) -> assertion.substring(assertion.indexOf('.') + 1, assertion.indexOf('.') + 25))
			.toList();
	}

	/**
	 * The interface of a subclass's group {@code acme}; a WebClient group blocks for its
	 * answers.
	 */
	interface AcmeApi {

		@GetExchange("/things")
		String things();

	}

}
