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

package io.partnerapis.observation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the {@value DefaultTokenFetchObservationConvention#NAME} observation, read
 * back from a {@link TestObservationRegistry} after real exchanges with a WireMock
 * partner.
 */
class TokenFetchObservationTests {

	private static final String NAME = DefaultTokenFetchObservationConvention.NAME;

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@Test
	void successfulTokenFetchIsObservedWithEveryKey() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme")
			.withBean(ObservationRegistry.class, () -> this.observations)
			.run((context) -> {
				assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
					.isEqualTo(200);
				TestObservationRegistryAssert.assertThat(this.observations)
					.hasNumberOfObservationsWithNameEqualTo(NAME, 1)
					.hasObservationWithNameEqualTo(NAME)
					.that()
					.hasContextualNameEqualTo("token fetch acme")
					.hasLowCardinalityKeyValue("partner", "acme")
					.hasLowCardinalityKeyValue("provider", "generic")
					.hasLowCardinalityKeyValue("grant.type", "client_credentials")
					.hasLowCardinalityKeyValue("client.authentication.method", "client_secret_basic")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasLowCardinalityKeyValue("exception", "none")
					.hasBeenStarted()
					.hasBeenStopped();
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
			});
	}

	@Test
	void failedTokenFetchIsOneObservationWithItsExceptionAcrossRetries() {
		this.partner.tokenEndpointFails(500, "{\"error\":\"server_error\"}");
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.max-retries=1", "partner.apis.acme.token.retry-backoff=10ms")
			.withBean(ObservationRegistry.class, () -> this.observations)
			.run((context) -> {
				assertThatException()
					.isThrownBy(() -> PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"));
				TestObservationRegistryAssert.assertThat(this.observations)
					.hasNumberOfObservationsWithNameEqualTo(NAME, 1)
					.hasObservationWithNameEqualTo(NAME)
					.that()
					.hasLowCardinalityKeyValue("partner", "acme")
					.hasLowCardinalityKeyValue("outcome", "failure")
					.hasLowCardinalityKeyValue("exception", "PartnerTokenException")
					.hasError()
					.hasBeenStopped();
				assertThat(this.partner.tokenRequests()).isEqualTo(2);
				assertThat(this.partner.apiRequests()).isEmpty();
			});
	}

	@Test
	void keysAreTheDocumentedOnesAndHoldNoClientIdSecretOrToken() {
		this.partner.tokens(2, 3600);
		this.partner.apiAnswers("/things", "token-1", 401);
		this.partner.apiAnswers("/things", "token-2", 200);
		this.partner.contextRunner("acme")
			.withBean(ObservationRegistry.class, () -> this.observations)
			.run((context) -> {
				assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
					.isEqualTo(200);
				List<String> documented = Arrays
					.stream(TokenFetchObservationDocumentation.LowCardinalityKeyNames.values())
					.map(TokenFetchObservationDocumentation.LowCardinalityKeyNames::asString)
					.toList();
				TestObservationRegistryAssert.assertThat(this.observations)
					.hasNumberOfObservationsWithNameEqualTo(NAME, 2)
					.hasHandledContextsThatSatisfy((contexts) -> {
						List<Observation.Context> fetches = contexts.stream()
							.filter((candidate) -> NAME.equals(candidate.getName()))
							.toList();
						assertThat(fetches).hasSize(2).allSatisfy((fetch) -> {
							assertThat(keys(fetch.getLowCardinalityKeyValues()))
								.containsExactlyInAnyOrderElementsOf(documented);
							assertThat(fetch.getHighCardinalityKeyValues()).isEmpty();
							assertThat(values(fetch.getLowCardinalityKeyValues()))
								.noneMatch((value) -> value.contains("client-acme") || value.contains("secret-acme")
										|| value.contains("token-"));
						});
					});
			});
	}

	@Test
	void conventionBeanReplacesTheDefaultOne() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme")
			.withBean(ObservationRegistry.class, () -> this.observations)
			.withBean(TokenFetchObservationConvention.class, CustomConvention::new)
			.run((context) -> {
				PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things");
				TestObservationRegistryAssert.assertThat(this.observations)
					.hasObservationWithNameEqualTo("custom.token.fetch")
					.that()
					.hasLowCardinalityKeyValue("team", "payments");
				TestObservationRegistryAssert.assertThat(this.observations)
					.hasNumberOfObservationsWithNameEqualTo(NAME, 0);
			});
	}

	@Test
	void tokensAreFetchedWithoutAnObservationRegistry() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme").run((context) -> {
			assertThat(context).doesNotHaveBean(ObservationRegistry.class).hasSingleBean(PartnerApis.class);
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).singleElement()
				.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
		});
	}

	private static List<String> keys(KeyValues keyValues) {
		return StreamSupport.stream(keyValues.spliterator(), false).map(KeyValue::getKey).toList();
	}

	private static List<String> values(KeyValues keyValues) {
		return StreamSupport.stream(keyValues.spliterator(), false).map(KeyValue::getValue).toList();
	}

	static class CustomConvention implements TokenFetchObservationConvention {

		@Override
		public String getName() {
			return "custom.token.fetch";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(TokenFetchContext context) {
			return KeyValues.of("team", "payments", "partner", context.getPartner());
		}

	}

}
