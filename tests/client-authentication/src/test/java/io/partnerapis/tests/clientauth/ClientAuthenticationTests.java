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

package io.partnerapis.tests.clientauth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.tests.clientauth.server.TokenEndpointRecorder.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What every client authentication method must give, against Spring Authorization Server
 * and a resource server: calls succeed, one token request serves many calls through the
 * WebClient and the RestClient alike, and a token the API rejects is renewed once and the
 * call replayed. Each test starts a fresh client application configured by properties
 * alone. For the assertion methods the server accepts each {@code jti} once, so two
 * successful token requests also prove that the renewal signed a fresh assertion.
 */
@ExtendWith(AuthorizationServer.Extension.class)
abstract class ClientAuthenticationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	final AuthorizationServer server;

	PartnerClient client;

	ClientAuthenticationTests(AuthorizationServer server) {
		this.server = server;
	}

	/**
	 * The client registered with the server for the method under test.
	 * @return the client id
	 */
	abstract String clientId();

	/**
	 * The method with which the server must authenticate the token requests.
	 * @return the method as the server names it, such as {@code private_key_jwt}
	 */
	abstract String serverMethod();

	/**
	 * The partner's properties for the method under test.
	 * @return the properties, relative to {@code partner.apis.bank.} unless they start
	 * with {@code spring.}
	 */
	abstract String[] partnerProperties();

	@BeforeEach
	void startClient() {
		this.server.authorizations().revokeAccessTokens(clientId());
		this.server.recorder().clear();
		this.client = PartnerClient.start(this.server, clientId(), partnerProperties());
	}

	@AfterEach
	void stopClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Test
	void concurrentAndSequentialCallsThroughWebClientAndRestClientMakeOneTokenRequest() {
		assertThat(this.client.concurrentCallsWithWebClient(10)).hasSize(10).allSatisfy(this::isThisClient);
		for (int call = 0; call < 5; call++) {
			isThisClient(this.client.callWithRestClient());
			isThisClient(this.client.callWithWebClient());
		}
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(this.server.recorder().tokenRequests()).singleElement().satisfies(this::authenticatedAsExpected);
			assertThat(this.server.recorder().apiCalls()).hasSize(20)
				.allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
		});
	}

	@Test
	void tokenRejectedByTheApiIsRenewedOnceAndTheWebClientCallReplayed() {
		isThisClient(this.client.callWithWebClient());
		revokeTokenAndClearRecords();
		isThisClient(this.client.callWithWebClient());
		assertOneRenewalAndOneReplay();
		isThisClient(this.client.callWithRestClient());
		assertThat(this.server.recorder().tokenRequests()).hasSize(1);
	}

	@Test
	void tokenRejectedByTheApiIsRenewedOnceAndTheRestClientCallReplayed() {
		isThisClient(this.client.callWithRestClient());
		revokeTokenAndClearRecords();
		isThisClient(this.client.callWithRestClient());
		assertOneRenewalAndOneReplay();
		isThisClient(this.client.callWithWebClient());
		assertThat(this.server.recorder().tokenRequests()).hasSize(1);
	}

	/**
	 * Start another client application with the given properties and check that the
	 * server rejects its token request as {@code invalid_client}, that the starter
	 * reports it to the caller without retrying it (a 4xx) and that no API call is made.
	 * @param properties the partner's properties, as {@link #partnerProperties()}
	 */
	void assertTokenRequestRejected(String... properties) {
		try (PartnerClient rejected = PartnerClient.start(this.server, clientId(), properties)) {
			this.server.recorder().clear();
			assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(rejected::callWithWebClient)
				.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client"));
			await().atMost(TIMEOUT).untilAsserted(() -> {
				assertThat(this.server.recorder().tokenRequests()).singleElement().satisfies((tokenRequest) -> {
					assertThat(tokenRequest.status()).isEqualTo(401);
					assertThat(tokenRequest.method()).isNull();
				});
				assertThat(this.server.recorder().apiCalls()).isEmpty();
			});
		}
	}

	private void revokeTokenAndClearRecords() {
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.server.recorder().apiCalls())
				.allSatisfy((call) -> assertThat(call.status()).isEqualTo(200)));
		assertThat(this.server.authorizations().revokeAccessTokens(clientId())).isOne();
		this.server.recorder().clear();
	}

	private void assertOneRenewalAndOneReplay() {
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(this.server.recorder().tokenRequests()).singleElement().satisfies(this::authenticatedAsExpected);
			assertThat(this.server.recorder().apiCalls()).extracting(Exchange::status).containsExactly(401, 200);
		});
	}

	void isThisClient(Map<String, Object> caller) {
		assertThat(caller).containsEntry("sub", clientId());
	}

	private void authenticatedAsExpected(Exchange tokenRequest) {
		assertThat(tokenRequest.status()).isEqualTo(200);
		assertThat(tokenRequest.clientId()).isEqualTo(clientId());
		assertThat(tokenRequest.method()).isEqualTo(serverMethod());
	}

	List<Exchange> exchanges() {
		return this.server.recorder().exchanges();
	}

}
