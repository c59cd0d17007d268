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

import io.partnerapis.autoconfigure.PartnerApiConfigurationException;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.web.service.annotation.GetExchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP service groups that call a partner: a group named after the partner, or any group
 * whose interface names the partner in Spring Security's {@code @ClientRegistrationId},
 * calls the partner with its token, base URL and rules; the same for each client type of
 * a group, which a subclass names along with its two groups: {@code acme}, of
 * {@link AcmeApi}, and {@code sensors}, of {@link AnnotatedApi}.
 */
abstract class AbstractHttpServiceGroupsTests extends AbstractPartnerClientTests {

	@RegisterExtension
	final PartnerStub elsewhere = new PartnerStub();

	private final ApplicationContextRunner contextRunner = this.partner.contextRunner("acme")
		.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
				HttpServiceClientAutoConfiguration.class, ReactiveHttpServiceClientAutoConfiguration.class));

	private final Class<?> acmeGroup;

	private final Class<?> sensorsGroup;

	AbstractHttpServiceGroupsTests(PartnerClient.Type clientType, Class<?> acmeGroup, Class<?> sensorsGroup) {
		super(clientType);
		this.acmeGroup = acmeGroup;
		this.sensorsGroup = sensorsGroup;
	}

	/**
	 * Returns a context runner with the partner {@code acme}, Spring Boot's HTTP service
	 * client auto-configuration of both client types, and the given groups.
	 * @param groups the configuration that imports the groups
	 * @return the context runner
	 */
	ApplicationContextRunner contextRunner(Class<?> groups) {
		return this.contextRunner.withUserConfiguration(groups);
	}

	@Test
	void groupNamedAfterThePartnerCallsItWithTheTokenThePartnersOwnClientUses() {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/things", "token-1", 200);
		contextRunner(this.acmeGroup).run((context) -> {
			assertThat(context.getBean(AcmeApi.class).things()).isEqualTo("{}");
			assertThat(client(context).status("/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
		});
	}

	@Test
	void groupRecoversFromARevokedToken() {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/things", "token-1", 401);
		this.partner.apiAnswers("/things", "token-2", 200);
		contextRunner(this.acmeGroup).run((context) -> {
			assertThat(context.getBean(AcmeApi.class).things()).isEqualTo("{}");
			assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
		});
	}

	@Test
	void groupBaseUrlPropertyOnThePartnersOriginIsUsed() {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/v2/things", "token-1", 200);
		contextRunner(this.acmeGroup)
			.withPropertyValues("spring.http.serviceclient.acme.base-url=" + this.partner.baseUrl() + "/v2")
			.run((context) -> {
				assertThat(context.getBean(AcmeApi.class).things()).isEqualTo("{}");
				assertThat(this.partner.apiRequests()).singleElement()
					.satisfies((request) -> assertThat(request.getUrl()).isEqualTo("/v2/things"));
			});
	}

	@Test
	void groupBaseUrlPropertyOnAnotherOriginFailsStartUpNamingBothProperties() {
		contextRunner(this.acmeGroup)
			.withPropertyValues("spring.http.serviceclient.acme.base-url=" + this.elsewhere.baseUrl())
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(PartnerApiConfigurationException.class)
					.hasMessageContaining("'spring.http.serviceclient.acme.base-url'")
					.hasMessageContaining("'partner.apis.acme.base-url'")
					.hasMessageContaining(this.elsewhere.baseUrl());
			});
	}

	@Test
	void groupBaseUrlInTheFailureIsShownWithoutUserInformationOrQuery() {
		String elsewhere = this.elsewhere.baseUrl().replace("://", "://user:group-secret@") + "/v1?key=query-secret";
		contextRunner(this.acmeGroup).withPropertyValues("spring.http.serviceclient.acme.base-url=" + elsewhere)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(PartnerApiConfigurationException.class)
					.hasMessageContaining("'" + this.elsewhere.baseUrl().replace("://", "://…@") + "/v1?…'")
					.hasMessageNotContaining("group-secret")
					.hasMessageNotContaining("query-secret");
			});
	}

	@Test
	void clientRegistrationIdSelectsThePartnerInAnyGroup() {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/things", "token-1", 200);
		this.partner.stub(get(urlPathEqualTo("/public")).willReturn(PartnerStub.json("{\"public\":true}")));
		contextRunner(this.sensorsGroup)
			.withPropertyValues("spring.http.serviceclient.sensors.base-url=" + this.partner.baseUrl())
			.run((context) -> {
				AnnotatedApi api = context.getBean(AnnotatedApi.class);
				assertThat(api.things()).isEqualTo("{}");
				assertThat(api.open()).isEqualTo("{\"public\":true}");
				assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
					.containsExactly("Bearer token-1", null);
			});
	}

	@Test
	void groupDoesNotFollowRedirectsEvenWhereTheApplicationFollowsThem() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", this.elsewhere.baseUrl() + "/steal")));
		this.elsewhere.stub(get(urlPathEqualTo("/steal")).willReturn(PartnerStub.json("{}")));
		contextRunner(this.acmeGroup).withPropertyValues("spring.http.clients.redirects=follow").run((context) -> {
			assertThat(context.getBean(AcmeApi.class).status().getStatusCode().value()).isEqualTo(307);
			assertThat(this.partner.apiRequests()).hasSize(1);
			assertThat(this.elsewhere.server().getAllServeEvents()).isEmpty();
		});
	}

	/**
	 * The interface of a subclass's group {@code acme}; a WebClient group blocks for its
	 * answers.
	 */
	interface AcmeApi {

		@GetExchange("/things")
		String things();

		@GetExchange("/things")
		ResponseEntity<Void> status();

	}

	/**
	 * The interface of a subclass's group {@code sensors}, which names the partner.
	 */
	@ClientRegistrationId("acme")
	interface AnnotatedApi {

		@GetExchange("/things")
		String things();

		@GetExchange("/public")
		@ClientRegistrationId("not-a-partner")
		String open();

	}

}
