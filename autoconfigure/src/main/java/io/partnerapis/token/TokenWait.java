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

import java.time.Duration;

/**
 * How long one partner's token flight may take, computed here and nowhere else. The store
 * lease covers the holder's whole flight, since it is not extended while it runs: each
 * token request of a fetch with its two quota store calls, the load before and the save
 * after, and one second. A caller may wait out another holder's lease and then make its
 * own flight, with four store calls before the lease and four once it ends.
 *
 * @param lease how long the store lease of one flight lasts
 * @param longest the longest a caller waits for a token being fetched
 */
record TokenWait(Duration lease, Duration longest) {

	private static final Duration LEASE_MARGIN = Duration.ofSeconds(1);

	/**
	 * Returns the times of a flight.
	 * @param retries the timeout and retries of each token request
	 * @param requestsPerFetch the token requests one fetch makes at most
	 * @param storeTimeout how long each store operation may take
	 * @return the times
	 */
	static TokenWait of(TokenEndpoint.Retries retries, int requestsPerFetch, Duration storeTimeout) {
		Duration lease = retries.longestTime()
			.plus(storeTimeout.multipliedBy(2))
			.multipliedBy(requestsPerFetch)
			.plus(storeTimeout.multipliedBy(2))
			.plus(LEASE_MARGIN);
		return new TokenWait(lease, lease.multipliedBy(2).plus(storeTimeout.multipliedBy(8)));
	}

}
