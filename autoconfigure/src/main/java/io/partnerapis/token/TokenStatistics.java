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

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.TokenState;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Counts one partner's token fetches and their failures, and reads them together with the
 * cached token as the {@link TokenState} that health checks and endpoints show.
 */
final class TokenStatistics {

	private final Clock clock;

	private final AtomicLong fetches = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile @Nullable Failure lastFailure;

	private volatile boolean lastFetchFailed;

	TokenStatistics(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts a fetch as it ends, as a success or a failure.
	 * @param <T> the type of the fetched token
	 * @param fetch the fetch
	 * @return the fetch, counted
	 */
	<T> Mono<T> counted(Mono<T> fetch) {
		return fetch.doOnNext((fetched) -> fetched()).doOnError(this::failed);
	}

	private void fetched() {
		this.fetches.incrementAndGet();
		this.lastFetchFailed = false;
	}

	private void failed(Throwable ex) {
		this.failures.incrementAndGet();
		this.lastFailure = new Failure(describe(ex), this.clock.instant());
		this.lastFetchFailed = true;
	}

	/**
	 * Returns the state of the partner's token.
	 * @param cached the cached token, or {@code null}
	 * @param dropped whether a token was held and dropped since
	 * @param storeProblem why the store cannot be used, or {@code null}
	 * @return the state
	 */
	TokenState state(@Nullable CachedToken cached, boolean dropped, @Nullable String storeProblem) {
		Failure failure = this.lastFailure;
		Instant expiresAt = (cached != null) ? cached.accessToken().getExpiresAt() : null;
		TokenState.Status status;
		if (cached == null) {
			status = (dropped || this.fetches.get() > 0) ? TokenState.Status.EXPIRED : TokenState.Status.NONE;
		}
		else {
			boolean valid = expiresAt == null || this.clock.instant().isBefore(expiresAt);
			status = valid ? TokenState.Status.VALID : TokenState.Status.EXPIRED;
		}
		return new TokenState(status, expiresAt, (cached != null) ? cached.renewAt() : null, this.fetches.get(),
				this.failures.get(), (failure != null) ? failure.description : null,
				(failure != null) ? failure.at : null, this.lastFetchFailed, storeProblem);
	}

	/**
	 * Describes a failure for logs, health checks and endpoints. Only a
	 * {@link PartnerTokenException}'s message is known to be free of secrets; any other
	 * failure is described by its class alone.
	 * @param ex the failure
	 * @return the description
	 */
	static String describe(Throwable ex) {
		return (ex instanceof PartnerTokenException) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	private record Failure(String description, Instant at) {
	}

}
