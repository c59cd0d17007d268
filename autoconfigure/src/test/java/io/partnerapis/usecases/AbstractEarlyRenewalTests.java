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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens are renewed ahead of their expiry, in the background, and not more often than
 * half their lifetime allows; the same for each client type of a partner, which a
 * subclass names.
 */
abstract class AbstractEarlyRenewalTests extends AbstractPartnerClientTests {

	/**
	 * How long the token endpoint takes to answer a renewal, so that the calls made
	 * meanwhile can be told apart from calls made after it: the former carry the old
	 * token.
	 */
	static final int RENEWAL_DELAY_MILLIS = 3000;

	AbstractEarlyRenewalTests(PartnerClient.Type clientType) {
		super(clientType);
	}

	@Test
	void shortLivedTokenIsNotFetchedOnEveryCall() {
		this.partner.tokens(5, 30);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.refresh-before-expiry=60s")
			.run((context) -> {
				PartnerClient client = client(context);
				for (int i = 0; i < 20; i++) {
					assertThat(client.status("/things")).isEqualTo(200);
				}
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
			});
	}

	@Test
	void tokenInItsRenewalWindowIsUsedWhileOneRenewalRunsInTheBackground() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 4), RENEWAL_DELAY_MILLIS);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.refresh-before-expiry=60s")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				PartnerClient client = client(context);
				PartnerApi api = context.getBean(PartnerApis.class).get("acme");
				assertThat(client.status("/things")).isEqualTo(200);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				clock.set(api.getTokenState().renewAt().plusMillis(1));
				for (int i = 0; i < 10; i++) {
					boolean renewedBefore = api.getTokenState().fetches() == 2;
					String presented = presented(client);
					if (!renewedBefore) {
						assertThat(presented)
							.as("call %d, made while the renewal ran, went on with the current token", i)
							.isEqualTo("Bearer token-1");
					}
				}
				await().atMost(Duration.ofSeconds(10)).until(() -> api.getTokenState().fetches() == 2);
				assertThat(client.status("/things")).isEqualTo(200);
				assertThat(this.partner.tokenRequests()).as("one renewal for all calls in the window").isEqualTo(2);
				assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
					.startsWith("Bearer token-1")
					.endsWith("Bearer token-2");
			});
	}

	@Test
	void responseWithoutExpiresInGetsTheConfiguredDefaultLifetime() {
		this.partner.tokens(5, (token) -> "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}", 0);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme")
			.withPropertyValues(this.partner.properties("acme", Map.of("default-token-lifetime", "10m")))
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				PartnerClient client = client(context);
				assertThat(client.status("/things")).isEqualTo(200);
				clock.advance(Duration.ofMinutes(8));
				assertThat(client.status("/things")).isEqualTo(200);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				assertThat(context.getBean(PartnerApis.class).get("acme").getTokenState().expiresAt())
					.isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(10)));
			});
	}

	@Test
	void expiredTokenIsReplacedBeforeTheNextCall() {
		this.partner.tokens(5, 1);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		MutableClock clock = new MutableClock();
		this.partner.contextRunner("acme").withBean(Clock.class, () -> clock).run((context) -> {
			PartnerClient client = client(context);
			assertThat(client.status("/things")).isEqualTo(200);
			clock.set(context.getBean(PartnerApis.class).get("acme").getTokenState().expiresAt());
			assertThat(client.status("/things")).isEqualTo(200);
			assertThat(this.partner.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
				.containsExactly("Bearer token-1", "Bearer token-2");
		});
	}

	/**
	 * Calls the partner and returns the {@code Authorization} header that reached it.
	 */
	private String presented(PartnerClient client) {
		assertThat(client.status("/things")).isEqualTo(200);
		return this.partner.apiRequests().get(this.partner.apiRequests().size() - 1).getHeader("Authorization");
	}

}
