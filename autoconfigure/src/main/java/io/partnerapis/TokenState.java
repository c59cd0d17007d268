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

package io.partnerapis;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is known about one partner's token at one moment, for health checks, metrics and
 * the actuator endpoint. Holds no token value.
 *
 * @param status the state of the cached token
 * @param expiresAt when the cached token expires, or {@code null} when none is cached
 * @param renewAt when the cached token is due for renewal, or {@code null} if none
 * @param fetches how many token fetches succeeded
 * @param failures how many token fetches failed
 * @param lastFailure class name and message of the most recent failure, or {@code null}
 * @param lastFailureAt when the most recent failure happened, or {@code null}
 * @param lastFetchFailed whether the most recent fetch failed
 * @param storeFailure the store's most recent failure, while it fails, or {@code null}
 * @since 0.1.0
 */
public record TokenState(Status status, @Nullable Instant expiresAt, @Nullable Instant renewAt, long fetches,
		long failures, @Nullable String lastFailure, @Nullable Instant lastFailureAt, boolean lastFetchFailed,
		@Nullable String storeFailure) {

	/**
	 * State of a partner's cached token.
	 */
	public enum Status {

		/**
		 * No token was fetched yet.
		 */
		NONE,

		/**
		 * A token is cached and has not expired.
		 */
		VALID,

		/**
		 * The cached token expired or was rejected, and no other has replaced it yet.
		 */
		EXPIRED

	}

}
