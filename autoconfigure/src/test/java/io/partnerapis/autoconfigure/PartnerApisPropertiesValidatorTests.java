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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerApisProperties;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link PartnerApisPropertiesValidator}, over properties bound from their
 * names and values as an application writes them.
 */
class PartnerApisPropertiesValidatorTests {

	private final PartnerApisPropertiesValidator validator = new PartnerApisPropertiesValidator(ProviderPresets.load());

	private final Map<String, String> properties = new LinkedHashMap<>(Map.of("partner.apis.acme.client-id", "id",
			"partner.apis.acme.client-secret", "secret", "partner.apis.acme.token-uri",
			"https://auth.acme.example/token", "partner.apis.acme.base-url", "https://api.acme.example"));

	@Test
	void completePartnerIsValid() {
		assertThatNoException().isThrownBy(this::validate);
	}

	@Test
	void everyProblemIsReportedAtOnceWithItsPropertyAndFix() {
		this.properties.remove("partner.apis.acme.client-id");
		this.properties.remove("partner.apis.acme.client-secret");
		this.properties.put("partner.apis.acme.refresh-before-expiry", "0s");
		assertThat(problems()).extracting(Problem::property)
			.containsExactly("partner.apis.acme.client-id", "partner.apis.acme.client-secret",
					"partner.apis.acme.refresh-before-expiry");
		assertThat(problems().get(0).action())
			.isEqualTo("Set 'partner.apis.acme.client-id' to the client id the partner issued.");
		assertThat(problems().get(2).description()).isEqualTo("is PT0S, which is not positive");
	}

	@ParameterizedTest
	@ValueSource(strings = { "refresh-before-expiry", "default-token-lifetime", "unauthorized-renewal-interval",
			"token.connect-timeout", "token.response-timeout", "token.retry-backoff", "client-assertion.lifetime" })
	void durationThatIsZeroOrNegativeIsRefused(String name) {
		this.properties.put("partner.apis.acme." + name, "-1s");
		assertThat(problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.property()).isEqualTo("partner.apis.acme." + name));
	}

	@Test
	void tokenStoreTimeoutThatIsZeroIsRefused() {
		this.properties.put("partner.token-store.timeout", "0ms");
		assertThat(problems()).extracting(Problem::property).containsExactly("partner.token-store.timeout");
	}

	@Test
	void negativeRetriesAndAQuotaBelowOneAreRefused() {
		this.properties.put("partner.apis.acme.token.max-retries", "-1");
		this.properties.put("partner.apis.acme.token.monthly-quota", "0");
		assertThat(problems()).extracting(Problem::property)
			.containsExactly("partner.apis.acme.token.max-retries", "partner.apis.acme.token.monthly-quota");
		this.properties.put("partner.apis.acme.token.max-retries", "0");
		this.properties.put("partner.apis.acme.token.monthly-quota", "1");
		assertThatNoException().isThrownBy(this::validate);
	}

	@Test
	void plainHttpToAHostThatIsNotLoopbackIsRefusedSayingWhatWouldLeakInClear() {
		this.properties.put("partner.apis.acme.token-uri", "http://auth.acme.example/token");
		this.properties.put("partner.apis.acme.base-url", "http://api.acme.example");
		assertThat(problems()).extracting(Problem::description)
			.containsExactly(
					"'http://auth.acme.example/token' uses plain http to a host that is not loopback, which would send "
							+ "the client secret in clear",
					"'http://api.acme.example' uses plain http to a host that is not loopback, which would send "
							+ "tokens in clear");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080/token", "http://auth.localhost/token", "http://127.0.0.1/token",
			"http://127.8.9.10/token", "http://[::1]:8080/token" })
	void plainHttpToLoopbackIsAllowed(String url) {
		this.properties.put("partner.apis.acme.token-uri", url);
		assertThatNoException().isThrownBy(this::validate);
	}

	@Test
	void plainHttpToAnyHostIsAllowedWhenInsecureHttpIsAllowed() {
		this.properties.put("partner.apis.acme.token-uri", "http://auth.acme.example/token");
		this.properties.put("partner.apis.acme.allow-insecure-http", "true");
		assertThatNoException().isThrownBy(this::validate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/token", "ftp://auth.acme.example/token", "https:///token", "https://bad host/token" })
	void urlThatIsNotAnAbsoluteHttpUrlWithAHostIsRefused(String url) {
		this.properties.put("partner.apis.acme.token-uri", url);
		assertThat(problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.property()).isEqualTo("partner.apis.acme.token-uri");
			assertThat(problem.description()).endsWith("is not an absolute http(s) URL with a host");
		});
	}

	@Test
	void urlWithUserInformationIsRefusedWithoutRepeatingIt() {
		this.properties.put("partner.apis.acme.base-url", "https://user:hunter2@api.acme.example");
		assertThat(problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.description()).isEqualTo("holds user information before its host");
			assertThat(problem.toString()).doesNotContain("hunter2");
		});
	}

	@Test
	void missingUrlOfAProviderWithoutThatPresetValueIsRefusedWithThePresetsHint() {
		this.properties.put("partner.apis.acme.provider", "bud");
		this.properties.remove("partner.apis.acme.token-uri");
		assertThat(problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.description()).isEqualTo("is missing (the bud preset has no value for it)");
			assertThat(problem.action()).startsWith("Set 'partner.apis.acme.token-uri' to an absolute https URL. ")
				.contains("set 'environment: sandbox'");
		});
	}

	@Test
	void privateKeyJwtNeedsAKeyAndNoSecret() {
		this.properties.remove("partner.apis.acme.client-secret");
		this.properties.put("partner.apis.acme.client-authentication-method", "private-key-jwt");
		assertThat(problems()).extracting(Problem::property).containsExactly("partner.apis.acme.client-assertion.key");
		this.properties.put("partner.apis.acme.client-assertion.key", "file:/etc/keys/acme.pem");
		assertThatNoException().isThrownBy(this::validate);
	}

	@Test
	void assertionKeyWithAMethodThatSignsNoAssertionIsRefused() {
		this.properties.put("partner.apis.acme.client-assertion.key", "file:/etc/keys/acme.pem");
		assertThat(problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.action())
				.isEqualTo("Set 'partner.apis.acme.client-authentication-method' to private-key-jwt, or remove "
						+ "'partner.apis.acme.client-assertion.key'."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tls-client-auth", "self-signed-tls-client-auth" })
	void certificateMethodsNeedAnSslBundleAndNoSecret(String method) {
		this.properties.remove("partner.apis.acme.client-secret");
		this.properties.put("partner.apis.acme.client-authentication-method", method);
		assertThat(problems()).extracting(Problem::property).containsExactly("partner.apis.acme.ssl.bundle");
		this.properties.put("partner.apis.acme.ssl.bundle", "acme");
		assertThatNoException().isThrownBy(this::validate);
	}

	private List<Problem> problems() {
		return assertThatExceptionOfType(PartnerApiConfigurationException.class).isThrownBy(this::validate)
			.actual()
			.getProblems();
	}

	private void validate() {
		PartnerApisProperties bound = new Binder(new MapConfigurationPropertySource(this.properties))
			.bindOrCreate("partner", PartnerApisProperties.class);
		this.validator.validate(bound);
	}

}
