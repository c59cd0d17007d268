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
import java.util.List;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers find no token at once: one token request serves them all, and when the
 * token endpoint does not answer in time they all give up with that one request; the same
 * for each client type of a partner, which a subclass names.
 */
abstract class AbstractColdStartTests extends AbstractPartnerClientTests {

	static final int CALLERS = 200;

	/**
	 * How long the token endpoint takes to answer where callers must give up first: with
	 * a response timeout of 300 ms, a bound 2 s short of it leaves room for twenty
	 * callers on a busy two-core machine.
	 */
	private static final Duration UNANSWERED = Duration.ofSeconds(8);

	AbstractColdStartTests(PartnerClient.Type clientType) {
		super(clientType);
	}

	@Test
	void tokenIsFetchedOnceForConcurrentColdCalls() {
		slowTokenAndThings();
		this.partner.contextRunner("acme").run((context) -> {
			List<String> bodies = client(context).concurrently(CALLERS, "/things");
			assertEveryCallerWasServedWithOneToken(bodies);
		});
	}

	@Test
	void waitingCallersGiveUpWithTheFetchWhenTheTokenEndpointDoesNotAnswerInTime() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), (int) UNANSWERED.toMillis());
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.response-timeout=300ms",
					"partner.apis.acme.token.max-retries=0")
			.run((context) -> {
				long start = System.nanoTime();
				List<String> failures = client(context).concurrently(20, "/things");
				// The failures alone show the callers gave up; the bound, twenty times
				// the
				// response timeout, shows they did not wait for the answer to do so.
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("gave up before the token endpoint answered")
					.isLessThan(UNANSWERED.minusSeconds(2));
				assertThat(failures).hasSize(20).containsOnly(PartnerTokenException.TOKEN_ENDPOINT_UNREACHABLE);
				assertThat(this.partner.tokenRequests()).isEqualTo(1);
				assertThat(this.partner.apiRequests()).isEmpty();
			});
	}

	/**
	 * Stubs a token endpoint that takes 300 ms to answer, long enough for every caller to
	 * arrive while the first fetch runs, and an API that answers {@code ok}.
	 */
	void slowTokenAndThings() {
		this.partner.tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 300);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{\"ok\":true}")));
	}

	void assertEveryCallerWasServedWithOneToken(List<String> bodies) {
		assertThat(bodies).hasSize(CALLERS).allMatch((body) -> body.contains("ok"));
		assertThat(this.partner.tokenRequests()).isEqualTo(1);
		assertThat(this.partner.apiRequests()).hasSize(CALLERS)
			.allSatisfy((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
	}

}
