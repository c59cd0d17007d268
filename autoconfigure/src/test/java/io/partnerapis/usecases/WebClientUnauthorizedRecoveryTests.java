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
import java.util.Arrays;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AbstractUnauthorizedRecoveryTests} for a partner's WebClient, and what is the
 * WebClient's own: a body it writes as a stream, which it can replay only up to a size,
 * and callers that cancel.
 */
class WebClientUnauthorizedRecoveryTests extends AbstractUnauthorizedRecoveryTests {

	WebClientUnauthorizedRecoveryTests() {
		super(PartnerClient.Type.WEB_CLIENT);
	}

	@Override
	ApplicationContextRunner withRetryOnceOn503(ApplicationContextRunner runner, Runnable meanwhile) {
		return runner
			.withBean(PartnerWebClientCustomizer.class,
					() -> (name,
							builder) -> builder.filter(
									(request,
											next) -> next.exchange(request)
												.flatMap((response) -> (response.statusCode().value() == 503)
														? response.releaseBody()
															.then(Mono.<ClientResponse>error(
																	new IllegalStateException("503")))
														: Mono.just(response))
												.retryWhen(Retry.max(1).doBeforeRetry((signal) -> meanwhile.run()))));
	}

	/**
	 * A RestClient holds every body as bytes before it sends it; a WebClient's streamed
	 * body is gone once written.
	 */
	@Test
	void streamingBodyIsNotReplayedButItsRejectedTokenIsDropped() {
		this.partner.tokens(5, 3600);
		this.partner.stub(post(urlPathEqualTo("/upload")).willReturn(aResponse().withStatus(401)));
		acceptToken("token-2");
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			Flux<DataBuffer> chunks = Flux.range(0, 3)
				.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(("chunk-" + i + "\n").getBytes()));
			int status = webClient.post()
				.uri("/upload")
				.contentType(MediaType.TEXT_PLAIN)
				.body(BodyInserters.fromDataBuffers(chunks))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(10));
			assertThat(status).isEqualTo(401);
			assertThat(this.partner.apiRequests()).hasSize(1);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(unauthorizedCount(context, UnauthorizedRetryOutcome.SKIPPED)).isEqualTo(1);
			assertThat(PartnerStub.call(webClient, "/things")).as("the next call gets a fresh token").isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
		});
	}

	/**
	 * Only a WebClient's callers can cancel a call while it waits for a token.
	 */
	@Test
	void callersThatAllCancelLeaveTheFetchToFinishForTheNext() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 600);
		acceptToken("token-1");
		this.partner.contextRunner("acme").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			Disposable first = webClient.get().uri("/things").retrieve().toBodilessEntity().subscribe();
			Disposable second = webClient.get().uri("/things").retrieve().toBodilessEntity().subscribe();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.partner.tokenRequests() == 1);
			first.dispose();
			second.dispose();
			PartnerApi api = context.getBean(PartnerApis.class).get("acme");
			await().atMost(Duration.ofSeconds(10)).until(() -> api.getTokenState().fetches() == 1);
			assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).hasSize(1);
		});
	}

	/**
	 * A WebClient keeps a copy of the body it writes for a replay up to 256 KiB; a
	 * RestClient's interceptor is handed the whole body, whatever its size.
	 */
	@ParameterizedTest(name = "{0} bytes")
	@ValueSource(ints = { 256 * 1024, 256 * 1024 + 1 })
	void bodiesUpTo256KiBAreReplayedAndLargerOnesAreNot(int size) {
		this.partner.tokens(5, 3600);
		postRejectsFirstToken();
		this.partner.contextRunner("acme").run((context) -> {
			byte[] body = new byte[size];
			Arrays.fill(body, (byte) 'x');
			int status = client(context).post("/things", MediaType.APPLICATION_OCTET_STREAM, body);
			boolean replayable = size <= 256 * 1024;
			assertThat(status).isEqualTo(replayable ? 200 : 401);
			assertThat(this.partner.apiRequests()).hasSize(replayable ? 2 : 1)
				.allSatisfy((request) -> assertThat(request.getBody()).hasSize(size));
		});
	}

}
