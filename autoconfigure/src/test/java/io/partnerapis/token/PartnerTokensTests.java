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

package io.partnerapis.token;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerapis.RenewalGrant;
import io.partnerapis.autoconfigure.PartnerApisMetricsAutoConfiguration;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerTokens} and the times of a token flight it computes through
 * {@link TokenWait}; the token handling it assembles is proved over WireMock in
 * {@code io.partnerapis.usecases}.
 */
class PartnerTokensTests {

	private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);

	private static final TokenEndpoint.Retries RETRIES = new TokenEndpoint.Retries(Duration.ofSeconds(10), 2,
			Duration.ofMillis(200));

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void leaseCoversEachRequestOfAFetchWithItsQuotaCallsAndTheLoadBeforeAndSaveAfter() {
		Duration requestTime = Duration.ofSeconds(30).plusMillis(900);
		assertThat(RETRIES.longestTime()).isEqualTo(requestTime);
		assertThat(TokenWait.of(RETRIES, 1, STORE_TIMEOUT).lease())
			.isEqualTo(requestTime.plusSeconds(1).plusSeconds(1).plusSeconds(1));
		assertThat(TokenWait.of(RETRIES, 2, STORE_TIMEOUT).lease())
			.isEqualTo(requestTime.plusSeconds(1).multipliedBy(2).plusSeconds(1).plusSeconds(1));
	}

	@Test
	void longestWaitIsAnotherHoldersLeaseWaitedOutThenTheCallersOwnFlight() {
		TokenWait wait = TokenWait.of(RETRIES, 1, STORE_TIMEOUT);
		assertThat(wait.longest()).isEqualTo(wait.lease().multipliedBy(2).plus(STORE_TIMEOUT.multipliedBy(8)));
	}

	@Test
	void builtAuthorizationWaitsAsLongAsAFlightThatTakesOverALeaseMayTake() {
		PartnerAuthorization authorization = PartnerTokens
			.builder("acme", StubTokenEndpoint.registration(), WebClient.create())
			.retries(Duration.ofSeconds(10), 2, Duration.ofMillis(200))
			.renewal(RenewalGrant.REFRESH_TOKEN, Duration.ofSeconds(60), Duration.ofSeconds(30), true)
			.build(URI.create("https://api.acme.example"));
		try {
			Duration lease = TokenWait.of(RETRIES, 2, STORE_TIMEOUT).lease();
			assertThat(authorization.tokenWait()).as("a holder's lease of a refresh and its fall-back, then its own")
				.isGreaterThanOrEqualTo(lease.multipliedBy(2))
				.isEqualTo(TokenWait.of(RETRIES, 2, STORE_TIMEOUT).longest());
			assertThat(authorization.partner()).isEqualTo("acme");
			assertThat(authorization.isPartnerOrigin(URI.create("https://api.acme.example/orders"))).isTrue();
			assertThat(authorization.isPartnerOrigin(URI.create("https://elsewhere.example/orders"))).isFalse();
		}
		finally {
			authorization.close();
		}
	}

	@Test
	void builtAuthorizationListensToItsStoreFromTheFirstTokenDemandUntilItIsClosed() {
		this.partner.tokens(1, 3600);
		ObservedStore store = new ObservedStore(new MutableClock());
		PartnerAuthorization authorization = authorization(store);
		assertThat(store.listeners()).as("after assembly").isZero();
		assertThat(authorization.token().block(Duration.ofSeconds(10)).getTokenValue()).isEqualTo("token-1");
		assertThat(store.listeners()).as("after the first token").isEqualTo(1);
		assertThat(authorization.token().block(Duration.ofSeconds(10)).getTokenValue()).isEqualTo("token-1");
		assertThat(store.listeners()).isEqualTo(1);
		assertThat(this.partner.tokenRequests()).isEqualTo(1);
		authorization.close();
		assertThat(store.listeners()).isZero();
	}

	@Test
	void closedAuthorizationDoesNotStartListeningToItsStore() {
		ObservedStore store = new ObservedStore(new MutableClock());
		PartnerAuthorization authorization = authorization(store);
		authorization.close();
		assertThat(authorization.quota().issued()).isZero();
		assertThat(store.listeners()).isZero();
	}

	@Test
	void partnersListenToTheStoreFromTheirFirstCallUntilTheContextCloses() {
		this.partner.tokens(1, 3600);
		this.partner.apiAnswers("/things", "token-1", 200);
		ObservedStore store = new ObservedStore(new MutableClock());
		this.partner.contextRunner("acme").withBean(PartnerTokenStore.class, () -> store).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(store.listeners()).as("after start-up").isZero();
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			assertThat(store.listeners()).as("after the first call").isEqualTo(1);
		});
		assertThat(store.listeners()).as("after the context closed").isZero();
	}

	@Test
	void boundMetersStartListeningOnlyForThePartnerWithAQuota() {
		ObservedStore store = new ObservedStore(new MutableClock());
		this.partner.contextRunner("acme")
			.withPropertyValues(this.partner.properties("limited", Map.of("token.monthly-quota", "1000")))
			.withConfiguration(
					AutoConfigurations.of(PartnerApisMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
							CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withBean(PartnerTokenStore.class, () -> store)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("partner.apis.token.quota.remaining").gauges()).singleElement()
					.satisfies((gauge) -> assertThat(gauge.getId().getTag("partner")).isEqualTo("limited"));
				assertThat(registry.find("partner.apis.token.expiry").gauges()).hasSize(2);
				assertThat(store.listeners()).as("after start-up, for the partner with a quota alone").isEqualTo(1);
			});
	}

	@Test
	void suppliedKeyIsMadeOnceWhenTheTokenIsFirstLookedUpInTheStore() {
		this.partner.tokens(1, 3600);
		ObservedStore store = new ObservedStore(new MutableClock());
		AtomicInteger made = new AtomicInteger();
		PartnerAuthorization authorization = PartnerTokens.builder("acme", registration(), WebClient.create())
			.store(store, () -> {
				made.incrementAndGet();
				return TokenKey.builder("acme").clientId("client-acme").build();
			}, STORE_TIMEOUT)
			.build(URI.create(this.partner.baseUrl()));
		try {
			assertThat(made).as("after assembly").hasValue(0);
			assertThat(authorization.token().block(Duration.ofSeconds(10)).getTokenValue()).isEqualTo("token-1");
			assertThat(authorization.quota().issued()).isEqualTo(1);
			assertThat(made).hasValue(1);
			assertThat(store.load(TokenKey.builder("acme").clientId("client-acme").build()).block())
				.as("saved under the supplied key")
				.isNotNull();
		}
		finally {
			authorization.close();
		}
	}

	private PartnerAuthorization authorization(PartnerTokenStore store) {
		return PartnerTokens.builder("acme", registration(), WebClient.create())
			.store(store, TokenKey.builder("acme").build(), STORE_TIMEOUT)
			.build(URI.create(this.partner.baseUrl()));
	}

	private ClientRegistration registration() {
		return ClientRegistration.withClientRegistration(StubTokenEndpoint.registration())
			.tokenUri(this.partner.tokenUri())
			.build();
	}

}
