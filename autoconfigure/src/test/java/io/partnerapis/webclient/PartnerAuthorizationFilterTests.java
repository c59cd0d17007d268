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

package io.partnerapis.webclient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.partnerapis.PartnerApiException;
import io.partnerapis.RenewalGrant;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.token.PartnerAuthorization;
import io.partnerapis.token.PartnerTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PartnerAuthorizationFilter}, over a real authorization, a token
 * endpoint in memory and exchange functions that record what they were sent.
 */
class PartnerAuthorizationFilterTests {

	private static final Duration BLOCK = Duration.ofSeconds(5);

	private static final URI THINGS = URI.create("https://api.acme.example/things");

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	@Test
	void requestCarriesThePartnersBearerToken() {
		ClientResponse response = filter(true).filter(get(), answering((request) -> HttpStatus.OK)).block(BLOCK);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.sent).extracting(Sent::authorization).containsExactly("Bearer token-1");
	}

	@Test
	void requestToAnotherOriginIsRefusedBeforeAnythingIsSentOrFetched() {
		ClientRequest elsewhere = ClientRequest.create(HttpMethod.GET, URI.create("https://evil.example/things"))
			.build();
		assertThatExceptionOfType(PartnerApiException.class)
			.isThrownBy(() -> filter(true).filter(elsewhere, answering((request) -> HttpStatus.OK)).block(BLOCK))
			.withMessageContaining("Partner 'acme' WebClient refused a GET request");
		assertThat(this.sent).isEmpty();
		assertThat(this.tokenRequests).hasValue(0);
	}

	@Test
	void unauthorizedRequestIsReplayedOnceWithANewTokenAndTheSameBody() {
		ClientRequest post = ClientRequest.create(HttpMethod.POST, THINGS)
			.body(BodyInserters.fromValue("{\"n\":1}"))
			.build();
		ClientResponse response = filter(true)
			.filter(post, answering((request) -> "Bearer token-1".equals(request.authorization())
					? HttpStatus.UNAUTHORIZED : HttpStatus.OK))
			.block(BLOCK);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.sent).extracting(Sent::authorization).containsExactly("Bearer token-1", "Bearer token-2");
		assertThat(this.sent).extracting(Sent::body).containsExactly("{\"n\":1}", "{\"n\":1}");
	}

	@Test
	void replayThatIsUnauthorizedAgainGoesBackToTheCallerWithoutALoop() {
		ClientResponse response = filter(true).filter(get(), answering((request) -> HttpStatus.UNAUTHORIZED))
			.block(BLOCK);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.sent).hasSize(2);
	}

	@Test
	void unauthorizedRequestIsNotReplayedWhenRetryOnUnauthorizedIsOff() {
		ClientResponse response = filter(false).filter(get(), answering((request) -> HttpStatus.UNAUTHORIZED))
			.block(BLOCK);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.sent).extracting(Sent::authorization).containsExactly("Bearer token-1");
	}

	@Test
	void requestWhoseBodyIsAStreamIsNotReplayed() {
		ClientRequest streamed = ClientRequest.create(HttpMethod.POST, THINGS)
			.body((message, context) -> message
				.writeWith(Flux.just("one", "two").map((part) -> message.bufferFactory().wrap(bytes(part)))))
			.build();
		ClientResponse response = filter(true).filter(streamed, answering((request) -> HttpStatus.UNAUTHORIZED))
			.block(BLOCK);
		assertThat(response.statusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.sent).extracting(Sent::body).containsExactly("onetwo");
	}

	@Test
	void tokenIsLookedUpOnEverySubscription() {
		Mono<ClientResponse> exchange = filter(true).filter(get(), answering((request) -> HttpStatus.OK));
		exchange.block(BLOCK);
		this.clock.advance(Duration.ofHours(2));
		exchange.block(BLOCK);
		assertThat(this.sent).extracting(Sent::authorization).containsExactly("Bearer token-1", "Bearer token-2");
	}

	private PartnerAuthorizationFilter filter(boolean retryOnUnauthorized) {
		return new PartnerAuthorizationFilter(authorization(retryOnUnauthorized));
	}

	private PartnerAuthorization authorization(boolean retryOnUnauthorized) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("acme")
			.clientId("client-acme")
			.clientSecret("secret-acme")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri("https://auth.acme.example/oauth/token")
			.build();
		return PartnerTokens.builder("acme", registration, tokenEndpoint())
			.renewal(RenewalGrant.CLIENT_CREDENTIALS, Duration.ofSeconds(60), Duration.ofSeconds(30),
					retryOnUnauthorized)
			.store(PartnerTokenStore.inMemory(this.clock), new TokenKey("acme", "0123456789abcdef"),
					Duration.ofMillis(500))
			.clock(this.clock)
			.build(URI.create("https://api.acme.example"));
	}

	/**
	 * Returns a WebClient whose token endpoint issues {@code token-1}, {@code token-2},
	 * and so on, counting the requests it answers.
	 */
	private WebClient tokenEndpoint() {
		return WebClient.builder()
			.exchangeFunction((request) -> Mono.fromSupplier(() -> ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, "application/json")
				.body("{\"access_token\":\"token-" + this.tokenRequests.incrementAndGet()
						+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
				.build()))
			.build();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static ClientRequest get() {
		return ClientRequest.create(HttpMethod.GET, THINGS).build();
	}

	/**
	 * Returns an exchange function that writes each request, records it, and answers with
	 * the status the given function picks.
	 */
	private ExchangeFunction answering(Function<Sent, HttpStatus> status) {
		return (request) -> {
			MockClientHttpRequest written = new MockClientHttpRequest(request.method(), request.url());
			return request.writeTo(written, ExchangeStrategies.withDefaults())
				.then(Mono.defer(() -> written.getBodyAsString().defaultIfEmpty("")))
				.map((body) -> {
					Sent sent = new Sent(written.getHeaders().getFirst(HttpHeaders.AUTHORIZATION), body);
					this.sent.add(sent);
					return ClientResponse.create(status.apply(sent)).build();
				});
		};
	}

	private record Sent(String authorization, String body) {
	}

}
