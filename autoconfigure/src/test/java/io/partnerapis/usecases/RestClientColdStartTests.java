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

import java.util.List;

import io.partnerapis.testsupport.Callers;
import io.partnerapis.testsupport.PartnerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractColdStartTests} for a partner's RestClient, whose concurrent callers are
 * blocking threads, and what is the RestClient's own: callers on virtual threads, and the
 * token it shares with the partner's WebClient.
 */
class RestClientColdStartTests extends AbstractColdStartTests {

	RestClientColdStartTests() {
		super(PartnerClient.Type.REST_CLIENT);
	}

	/**
	 * Blocking callers on virtual threads wait for the fetch as those on platform threads
	 * do; only a RestClient has blocking callers.
	 */
	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void tokenIsFetchedOnceForConcurrentCallersOnVirtualThreads() {
		slowTokenAndThings();
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient client = client(context);
			List<String> bodies = Callers.onVirtualThreads(CALLERS, () -> client.body("/things"));
			assertEveryCallerWasServedWithOneToken(bodies);
		});
	}

	/**
	 * Both client types of one partner at once: written once, here.
	 */
	@Test
	void webClientAndRestClientOfOnePartnerShareOneToken() {
		slowTokenAndThings();
		this.partner.contextRunner("acme").run((context) -> {
			PartnerClient restClient = client(context);
			PartnerClient webClient = PartnerClient.Type.WEB_CLIENT.of(context, "acme");
			List<String> bodies = Callers.onPlatformThreads(CALLERS,
					() -> ((Math.random() < 0.5) ? restClient : webClient).body("/things"));
			assertEveryCallerWasServedWithOneToken(bodies);
			assertThat(restClient.body("/things")).contains("ok");
			assertThat(webClient.body("/things")).contains("ok");
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
		});
	}

}
