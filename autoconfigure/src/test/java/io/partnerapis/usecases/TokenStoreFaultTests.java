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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerAuthorizedClientServiceFactory;
import io.partnerapis.TokenState;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.PartnerStub;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.client.R2dbcReactiveOAuth2AuthorizedClientService;
import org.springframework.util.StreamUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token store is a cache of tokens: one that hangs, fails or refuses a save never
 * fails a call nor costs an extra token.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenStoreFaultTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void storeThatNeverAnswersCountsAsHoldingNothing() {
		this.partner.tokens(5, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		PartnerTokenStore hanging = new FaultyStore() {

			@Override
			public Mono<StoredToken> load(TokenKey key) {
				return Mono.never();
			}

			@Override
			public Mono<Void> save(TokenKey key, StoredToken token) {
				return Mono.never();
			}

		};
		runner(hanging).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			long start = System.nanoTime();
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(context.getBean(PartnerApis.class).get("acme").getTokenState().storeFailure())
				.contains("no answer within PT0.3S");
		});
	}

	@Test
	void storeThatFailsALoadCountsAsHoldingNothing() {
		this.partner.tokens(5, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		PartnerTokenStore failing = new FaultyStore() {

			@Override
			public Mono<StoredToken> load(TokenKey key) {
				return Mono.error(new IllegalStateException("connection refused"));
			}

		};
		runner(failing).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

	@Test
	void tokenIsUsedWhenItsSaveFailsAndTheFailureIsLoggedOnceWithoutTheToken(CapturedOutput output) {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-1"))
			.willReturn(aResponse().withStatus(401)));
		this.partner.stub(get(urlPathEqualTo("/things")).withHeader("Authorization", equalTo("Bearer token-2"))
			.willReturn(PartnerStub.json("{}")));
		AtomicInteger saves = new AtomicInteger();
		PartnerTokenStore refusing = new FaultyStore() {

			@Override
			public Mono<Void> save(TokenKey key, StoredToken token) {
				saves.incrementAndGet();
				return Mono.error(new IllegalStateException("disk full while writing " + token.accessToken()));
			}

		};
		runner(refusing).run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			for (int i = 0; i < 5; i++) {
				assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			}
			assertThat(this.partner.tokenRequests()).as("one for the start, one for the revocation").isEqualTo(2);
			assertThat(saves).hasValue(2);
			TokenState state = context.getBean(PartnerApis.class).get("acme").getTokenState();
			assertThat(state.storeFailure()).contains("IllegalStateException").doesNotContain("token-");
		});
		assertThat(output.getOut().split("Could not save a token to the token store of partner 'acme'", -1))
			.as("logged once")
			.hasSize(2);
		assertThat(output.getAll()).doesNotContain("token-1").doesNotContain("token-2").doesNotContain("disk full");
	}

	@Test
	void instancesSharingAnR2dbcStoreThatStartTogetherBothSucceed() throws Exception {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-1", 3600)).withFixedDelay(300)));
		this.partner.apiAlwaysAnswers("/things", 200);
		ConnectionFactory database = ConnectionFactories
			.get("r2dbc:h2:mem:///" + UUID.randomUUID() + "?options=DB_CLOSE_DELAY=-1");
		DatabaseClient client = DatabaseClient.create(database);
		String schema = StreamUtils
			.copyToString(new ClassPathResource("org/springframework/security/oauth2/client/oauth2-client-schema.sql")
				.getInputStream(), StandardCharsets.UTF_8);
		client.sql(schema).then().block(Duration.ofSeconds(10));
		PartnerAuthorizedClientServiceFactory r2dbc = (registrations) -> new R2dbcReactiveOAuth2AuthorizedClientService(
				client, registrations);
		ApplicationContextRunner instance = this.partner.contextRunner("acme")
			.withBean(PartnerAuthorizedClientServiceFactory.class, () -> r2dbc);
		instance.run((first) -> instance.run((second) -> {
			List<WebClient> clients = List.of(first.getBean("acmeWebClient", WebClient.class),
					second.getBean("acmeWebClient", WebClient.class));
			List<Integer> statuses = Flux.fromIterable(clients)
				.flatMap((webClient) -> Mono.fromCallable(() -> PartnerStub.call(webClient, "/things"))
					.subscribeOn(Schedulers.boundedElastic()))
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(statuses).containsExactly(200, 200);
			assertThat(this.partner.tokenRequests()).isBetween(1, 2);
		}));
	}

	private ApplicationContextRunner runner(PartnerTokenStore store) {
		return this.partner.contextRunner("acme")
			.withBean(PartnerTokenStore.class, () -> store)
			.withPropertyValues("partner.token-store.timeout=300ms");
	}

	/**
	 * A store in memory whose operations a test replaces with faults.
	 */
	private static class FaultyStore implements PartnerTokenStore {

		private final PartnerTokenStore delegate = PartnerTokenStore.inMemory(Clock.systemUTC());

		@Override
		public Mono<StoredToken> load(TokenKey key) {
			return this.delegate.load(key);
		}

		@Override
		public Mono<Void> save(TokenKey key, StoredToken token) {
			return this.delegate.save(key, token);
		}

		@Override
		public Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue) {
			return this.delegate.removeIfCurrent(key, rejectedTokenValue);
		}

		@Override
		public Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive) {
			return this.delegate.tryLease(key, holder, timeToLive);
		}

		@Override
		public Mono<Void> releaseLease(TokenKey key, String holder) {
			return this.delegate.releaseLease(key, holder);
		}

		@Override
		public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
			return this.delegate.reserve(key, month, limit);
		}

		@Override
		public Mono<Long> release(TokenKey key, YearMonth month) {
			return this.delegate.release(key, month);
		}

		@Override
		public Mono<Long> issued(TokenKey key, YearMonth month) {
			return this.delegate.issued(key, month);
		}

	}

}
