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

import io.lettuce.core.SetArgs;
import io.partnerapis.testsupport.FleetExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three cold instances find the token lease held by an instance that no longer exists
 * (killed mid-fetch) for longer than their own lease would last: none fetches while the
 * lease is held, and once it expires exactly one takes it and fetches for the fleet.
 */
class FleetOrphanedLeaseTests {

	/**
	 * Longer than the instances' own lease, about 5 s with {@link FleetExtension}'s
	 * settings (one 2 s token request, four 500 ms store calls and 1 s), so that a waiter
	 * that gave up after its own lease time would fetch.
	 */
	private static final Duration ORPHANED_LEASE = Duration.ofSeconds(9);

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void instancesWaitOutTheLeaseOfAHolderThatIsGoneAndOneFetches() {
		fleet.partner().tokens(10, 3600);
		fleet.partner().apiAlwaysAnswers("/things", 200);
		String leaseKey = fleet.redisKey("lease", "/things", Map.of());
		int probe = fleet.partner().tokenRequests();
		fleet.run(3, Map.of(), (instances) -> {
			fleet.redis().raw().set(leaseKey, "holder-that-is-gone", SetArgs.Builder.px(ORPHANED_LEASE.toMillis()));
			long start = System.nanoTime();
			List<Integer> statuses = instances.callAtOnce("/things", 20);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(statuses).hasSize(60).containsOnly(200);
			assertThat(fleet.partner().tokenRequests() - probe).as("one token request once the orphaned lease expired")
				.isEqualTo(1);
			assertThat(took).as("the calls waited for the orphaned lease to expire")
				.isGreaterThan(ORPHANED_LEASE.minusSeconds(1));
		});
	}

}
