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

package io.partnerapis.store;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where partner tokens are kept beyond one instance's memory, and what instances that
 * share them agree on: who fetches the next token (a lease), which rejected token may be
 * removed, and how many token requests a quota month has counted. A store is a cache,
 * never the source of truth: a call with a valid token never reaches it, and callers
 * treat a slow or failed store as empty, so it costs at most an extra token. The default
 * is {@link #inMemory(Clock) in memory};
 * {@link io.partnerapis.store.redis.RedisPartnerTokenStore} shares tokens across a fleet;
 * declare a bean of this type to keep them elsewhere.
 *
 * @since 0.2.0
 */
public interface PartnerTokenStore {

	/**
	 * Returns a store that keeps tokens, leases and monthly counts in this instance's
	 * memory, the default, with lease expiry read from the given clock.
	 * @param clock the clock
	 * @return a new in-memory store
	 */
	static PartnerTokenStore inMemory(Clock clock) {
		return new InMemoryPartnerTokenStore(clock);
	}

	/**
	 * Loads the token stored under the given key.
	 * @param key the key
	 * @return the stored token, or empty when there is none
	 */
	Mono<StoredToken> load(TokenKey key);

	/**
	 * Stores a token under the given key, replacing any other.
	 * @param key the key
	 * @param token the token
	 * @return completion
	 */
	Mono<Void> save(TokenKey key, StoredToken token);

	/**
	 * Removes the token stored under the given key if, and only if, its access token has
	 * the given value, so that an instance that met a 401 with an old token never removes
	 * a newer one another instance saved meanwhile.
	 * @param key the key
	 * @param rejectedTokenValue the value of the rejected access token
	 * @return whether a token was removed
	 */
	Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue);

	/**
	 * Tries to take the lease that lets one holder fetch the token of the given key while
	 * others wait for it to be saved. A holder that holds the lease already, for example
	 * because releasing it failed, takes it again for the new time to live.
	 * @param key the key
	 * @param holder who asks, unique per instance
	 * @param timeToLive how long the lease lasts unless released
	 * @return whether the lease was taken
	 */
	Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive);

	/**
	 * Releases a lease if the given holder still holds it.
	 * @param key the key
	 * @param holder who took the lease
	 * @return completion
	 */
	Mono<Void> releaseLease(TokenKey key, String holder);

	/**
	 * Returns how long the lease of the given key lasts unless its holder releases it, so
	 * that instances waiting for the holder know when they may take it over.
	 * @param key the key
	 * @return the time left, {@link Duration#ZERO} when no lease is held, or empty when
	 * the store cannot tell (waiters then try to take the lease once a second)
	 * @since 0.2.0
	 */
	default Mono<Duration> leaseRemaining(TokenKey key) {
		return Mono.empty();
	}

	/**
	 * Reserves one token request under the given key in the given month, unless the
	 * month's count has reached the limit: one atomic check-and-increment, so that
	 * instances asking together never pass the limit together. A reserved request counts
	 * whether or not it is answered.
	 * @param key the key
	 * @param month the quota month
	 * @param limit the most requests the month may count; {@link Long#MAX_VALUE} for no
	 * limit
	 * @return whether the request was reserved, and the month's count after this call
	 */
	Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit);

	/**
	 * Takes back a reservation whose request the partner answered without issuing a token
	 * (a 4xx or 5xx answer), never going below zero.
	 * @param key the key
	 * @param month the quota month the request was reserved in
	 * @return the month's count after this call
	 */
	Mono<Long> release(TokenKey key, YearMonth month);

	/**
	 * Returns how many token requests were counted under the given key in the given
	 * month.
	 * @param key the key
	 * @param month the quota month
	 * @return the count
	 */
	Mono<Long> issued(TokenKey key, YearMonth month);

	/**
	 * Returns why this instance cannot use the token the store holds under the given key,
	 * when the last load or save found one it cannot read, for health checks.
	 * @param key the key
	 * @return the reason, free of secrets, or {@code null} when there is none
	 */
	default @Nullable String readProblem(TokenKey key) {
		return null;
	}

	/**
	 * Returns the keys of tokens as they are saved, by this instance or, for a shared
	 * store, by any other, so that instances waiting for a lease holder are woken.
	 * @return the keys of saved tokens; never completes
	 */
	default Flux<TokenKey> saves() {
		return Flux.never();
	}

	/**
	 * The outcome of {@link PartnerTokenStore#reserve}.
	 *
	 * @param granted whether the request was reserved
	 * @param issued the month's count after the call, this request included when it was
	 * reserved
	 * @since 0.2.0
	 */
	record Reservation(boolean granted, long issued) {
	}

}
