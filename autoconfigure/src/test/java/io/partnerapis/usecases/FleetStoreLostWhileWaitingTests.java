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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances wait for a slow token request when Redis dies: the waiters meet the
 * store's error and fetch on their own at once instead of waiting out the holder's lease.
 */
class FleetStoreLostWhileWaitingTests {

	private static final Duration TOKEN_DELAY = Duration.ofSeconds(3);

	/**
	 * {@code partner.token-store.timeout}'s default.
	 */
	private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);

	/**
	 * Covers the second before Redis is stopped, up to a second until a waiter next tries
	 * the lease, and four seconds for a machine shared with other builds (the slowest
	 * call took 6.7 s with a load average of 16 on two cores). The holder's lease (about
	 * 23 s with 20 s token requests) is far longer, so a waiter that waits it out fails
	 * the bound by more than ten seconds.
	 */
	private static final Duration MARGIN = Duration.ofSeconds(6);

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void waitersFetchOnTheirOwnAtOnceWhenRedisDies() throws Exception {
		fleet.partner().tokens(10, (token) -> PartnerStub.tokenResponse(token, 3600), (int) TOKEN_DELAY.toMillis());
		fleet.partner().apiAlwaysAnswers("/things", 200);
		fleet.run(3, Map.of("token.response-timeout", "20s"), (instances) -> {
			long start = System.nanoTime();
			CompletableFuture<List<Integer>> calls = CompletableFuture
				.supplyAsync(() -> instances.callAtOnce("/things", 5));
			await().atMost(Duration.ofSeconds(5)).until(() -> fleet.partner().tokenRequests() > 0);
			await().pollDelay(Duration.ofMillis(10))
				.atMost(Duration.ofSeconds(5))
				.until(() -> System.nanoTime() - start >= Duration.ofSeconds(1).toNanos());
			fleet.redis().stop();
			try {
				List<Integer> statuses = calls.get(60, TimeUnit.SECONDS);
				Duration slowest = Duration.ofNanos(System.nanoTime() - start);
				assertThat(statuses).hasSize(15).containsOnly(200);
				assertThat(slowest).as("the token delay, the store timeout and a margin")
					.isLessThan(TOKEN_DELAY.plus(STORE_TIMEOUT).plus(MARGIN));
				assertThat(fleet.partner().tokenRequests()).as("the holder's and one for each waiter on its own")
					.isEqualTo(3);
			}
			finally {
				fleet.redis().start();
			}
		});
	}

}
