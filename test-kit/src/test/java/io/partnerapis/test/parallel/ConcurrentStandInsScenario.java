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

package io.partnerapis.test.parallel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.partnerapis.PartnerApis;
import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each test class of this package proves, under JUnit's parallel execution (see the
 * {@code parallel-tests} execution in this module's POM): each class has a context of its
 * own with stand-ins of its own, and its two test methods, each calling a partner of its
 * own, run at the same time as each other and as those of the other classes (a barrier
 * holds every method until all of them have started). Each method then counts, on its own
 * stand-in, exactly its own token request and API requests, every one carrying the token
 * that stand-in issued; and no two stand-ins, in any context, listen on the same port.
 * Stand-ins that shared a port, a server or a journal would count the other methods'
 * requests too.
 */
abstract class ConcurrentStandInsScenario {

	/**
	 * The test methods of every class in this package: all of them must be running at
	 * once before any goes on.
	 */
	private static final CyclicBarrier allRunning = new CyclicBarrier(4);

	/**
	 * Which stand-in listens on each port, across every context of this JVM.
	 */
	private static final Map<Integer, PartnerStandIn> ports = new ConcurrentHashMap<>();

	private static final int CALLS = 12;

	@Autowired
	private PartnerStandIns standIns;

	@Autowired
	private PartnerApis partnerApis;

	private final String first;

	private final String second;

	ConcurrentStandInsScenario(String first, String second) {
		this.first = first;
		this.second = second;
	}

	@Test
	void firstPartnerCountsOnlyItsOwnCalls() throws Exception {
		callsAreCountedOnTheirOwnStandIn(this.first);
	}

	@Test
	void secondPartnerCountsOnlyItsOwnCalls() throws Exception {
		callsAreCountedOnTheirOwnStandIn(this.second);
	}

	private void callsAreCountedOnTheirOwnStandIn(String partner) throws Exception {
		PartnerStandIn standIn = this.standIns.partner(partner);
		standIn.server().stubFor(get(urlPathEqualTo("/v1/items")).willReturn(okJson("{\"from\":\"" + partner + "\"}")));
		assertThat(call(partner)).isEqualTo("{\"from\":\"" + partner + "\"}");
		allRunning.await(2, TimeUnit.MINUTES);
		for (int i = 1; i < CALLS; i++) {
			assertThat(call(partner)).isEqualTo("{\"from\":\"" + partner + "\"}");
		}
		assertThat(standIn).receivedTokenRequests(1)
			.issuedTokens(1)
			.receivedApiRequests(CALLS)
			.everyApiRequestCarriedAnIssuedToken()
			.refusedNothing();
		assertThat(standIn.issuedTokens()).containsExactly(partner + "-token-1");
		assertThat(standIn.apiRequests()).extracting((request) -> request.getHeader("Authorization"))
			.containsOnly("Bearer " + partner + "-token-1");
		for (PartnerStandIn each : this.standIns.all()) {
			PartnerStandIn owner = ports.computeIfAbsent(URI.create(each.baseUrl()).getPort(), (port) -> each);
			assertThat(owner).as("the stand-in listening on %s", each.baseUrl()).isSameAs(each);
		}
	}

	private String call(String partner) {
		return this.partnerApis.webClient(partner)
			.get()
			.uri("/v1/items")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
	}

}
