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

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import io.partnerapis.PartnerApis;
import io.partnerapis.actuate.PartnerApisEndpoint.PartnerDescriptor;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link PartnerApisEndpoint}, after real exchanges with WireMock partners.
 */
class PartnerApisEndpointTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void describesEachPartnerInConfigurationOrder() {
		PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("zeta", Map.of()))
			.withPropertyValues(this.partner.properties("alpha",
					Map.of("client-authentication-method", "client_secret_post", "provider", "budsense")))
			.run((context) -> {
				PartnerApisEndpoint endpoint = new PartnerApisEndpoint(context.getBean(PartnerApis.class));
				assertThat(endpoint.partners().partners()).containsOnlyKeys("zeta", "alpha");
				assertThat(endpoint.partners().partners().keySet()).containsExactly("zeta", "alpha");
				PartnerDescriptor alpha = endpoint.partners().partners().get("alpha");
				assertThat(alpha.provider()).isEqualTo("budsense");
				assertThat(alpha.tokenUri()).isEqualTo(this.partner.tokenUri());
				assertThat(alpha.baseUrl()).isEqualTo(this.partner.baseUrl());
				assertThat(alpha.clientAuthenticationMethod()).isEqualTo("client_secret_post");
				assertThat(alpha.token().status()).isEqualTo("NONE");
				assertThat(alpha.token().expiresAt()).isNull();
				assertThat(alpha.unauthorized()).containsExactly(Map.entry("recovered", 0L), Map.entry("failed", 0L),
						Map.entry("skipped", 0L));
				assertThat(this.partner.tokenRequests()).isZero();
			});
	}

	@Test
	void countsTokenFetchesAndUnauthorizedOutcomes() {
		this.partner.tokens(2, 3600);
		this.partner.apiAnswers("/things", "token-1", 401);
		this.partner.apiAnswers("/things", "token-2", 200);
		this.partner.contextRunner("acme").run((context) -> {
			PartnerApisEndpoint endpoint = new PartnerApisEndpoint(context.getBean(PartnerApis.class));
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			PartnerDescriptor acme = endpoint.partner("acme");
			assertThat(acme).isNotNull();
			assertThat(acme.token().status()).isEqualTo("VALID");
			assertThat(acme.token().fetches()).isEqualTo(2);
			assertThat(acme.token().failures()).isZero();
			assertThat(acme.token().expiresAt()).isNotNull();
			assertThat(acme.token().renewAt()).isNotNull();
			assertThat(acme.unauthorized()).containsEntry("recovered", 1L)
				.containsEntry("failed", 0L)
				.containsEntry("skipped", 0L);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	@Test
	void showsTheMonthlyQuotaAndThisMonthsCount() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("acme", Map.of("token.monthly-quota", "5")))
			.withPropertyValues(this.partner.properties("globex", Map.of()))
			.run((context) -> {
				PartnerApisEndpoint endpoint = new PartnerApisEndpoint(context.getBean(PartnerApis.class));
				assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
					.isEqualTo(200);
				PartnerApisEndpoint.QuotaDescriptor acme = endpoint.partner("acme").quota();
				assertThat(acme.limit()).isEqualTo(5);
				assertThat(acme.issued()).isEqualTo(1);
				assertThat(acme.remaining()).isEqualTo(4);
				assertThat(acme.month()).isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
				assertThat(acme.resetsAt()).isEqualTo(
						YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
				PartnerApisEndpoint.QuotaDescriptor globex = endpoint.partner("globex").quota();
				assertThat(globex.limit()).isNull();
				assertThat(globex.remaining()).isNull();
				assertThat(globex.issued()).isZero();
			});
	}

	@Test
	void showsTheLastFailureWithoutTheSecret() {
		this.partner.tokenEndpointFails(401,
				"{\"error\":\"invalid_client\",\"error_description\":\"bad secret secret-acme\"}");
		this.partner.apiAlwaysAnswers("/things", 200);
		this.partner.contextRunner("acme").run((context) -> {
			PartnerApisEndpoint endpoint = new PartnerApisEndpoint(context.getBean(PartnerApis.class));
			assertThatException()
				.isThrownBy(() -> PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"));
			PartnerDescriptor acme = endpoint.partner("acme");
			assertThat(acme).isNotNull();
			assertThat(acme.token().failures()).isEqualTo(1);
			assertThat(acme.token().fetches()).isZero();
			assertThat(acme.token().lastFailure()).contains("invalid_client").doesNotContain("secret-acme");
			assertThat(acme.token().lastFailureAt()).isNotNull();
			assertThat(acme.toString()).doesNotContain("secret-acme").doesNotContain("client-acme");
		});
	}

	@Test
	void showsUrisWithoutTheirQuery() {
		PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("acme",
					Map.of("token-uri", this.partner.tokenUri() + "?api_key=k3y", "base-url",
							this.partner.baseUrl() + "/v1?sig=s1g#frag")))
			.run((context) -> {
				PartnerDescriptor acme = new PartnerApisEndpoint(context.getBean(PartnerApis.class)).partner("acme");
				assertThat(acme).isNotNull();
				assertThat(acme.tokenUri()).isEqualTo(this.partner.tokenUri());
				assertThat(acme.baseUrl()).isEqualTo(this.partner.baseUrl() + "/v1");
			});
	}

	@Test
	void unknownPartnerIsNull() {
		this.partner.contextRunner("acme")
			.run((context) -> assertThat(new PartnerApisEndpoint(context.getBean(PartnerApis.class)).partner("nope"))
				.isNull());
	}

}
