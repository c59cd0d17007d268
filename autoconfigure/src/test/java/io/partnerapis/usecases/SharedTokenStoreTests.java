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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.PartnerAuthorizedClientServiceFactory;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances that share a token store through a
 * {@link PartnerAuthorizedClientServiceFactory} bean share their tokens too.
 */
class SharedTokenStoreTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void secondInstanceUsesTheTokenTheFirstStored() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		ApplicationContextRunner instance = instancesSharingOneStore();
		callOnce(instance);
		callOnce(instance);
		assertThat(this.partner.tokenRequests()).isEqualTo(1);
		assertThat(this.partner.apiRequests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
	}

	@Test
	void revokedTokenCostsOneRenewalForAllInstancesSharingTheStore() {
		this.partner.tokens(5, 3600);
		acceptToken("token-1");
		ApplicationContextRunner instance = instancesSharingOneStore();
		instance.run((first) -> instance.run((second) -> {
			WebClient a = first.getBean("acmeWebClient", WebClient.class);
			WebClient b = second.getBean("acmeWebClient", WebClient.class);
			assertThat(call(a)).isEqualTo(200);
			assertThat(call(b)).isEqualTo(200);
			this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-1"))
				.willReturn(aResponse().withStatus(401)));
			acceptToken("token-2");
			assertThat(call(b)).isEqualTo(200);
			assertThat(call(a)).isEqualTo(200);
		}));
		assertThat(this.partner.tokenRequests()).as("one for the start, one for the revocation").isEqualTo(2);
	}

	/**
	 * Returns a runner whose every context gets its tokens from the same in-memory store,
	 * as application instances sharing a database would.
	 */
	private ApplicationContextRunner instancesSharingOneStore() {
		AtomicReference<ReactiveOAuth2AuthorizedClientService> shared = new AtomicReference<>();
		PartnerAuthorizedClientServiceFactory sharedFactory = (registrations) -> shared
			.updateAndGet((existing) -> (existing != null) ? existing
					: new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
		return this.partner.contextRunner("acme")
			.withBean(PartnerAuthorizedClientServiceFactory.class, () -> sharedFactory);
	}

	private void acceptToken(String token) {
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer " + token))
			.willReturn(PartnerStub.json("{}")));
	}

	private static int call(WebClient webClient) {
		return webClient.get()
			.uri("/things")
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(10));
	}

	@Test
	void instancesWithTheDefaultStoreFetchTheirOwnTokens() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		callOnce(this.partner.contextRunner("acme"));
		callOnce(this.partner.contextRunner("acme"));
		assertThat(this.partner.tokenRequests()).isEqualTo(2);
	}

	private static void callOnce(ApplicationContextRunner instance) {
		instance.run((context) -> context.getBean("acmeWebClient", WebClient.class)
			.get()
			.uri("/things")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10)));
	}

}
