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
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link PartnerTokenStore} in memory that counts the calls it receives by operation
 * and the subscribers to its saves, and can hold the lease for another instance and run
 * an action while it answers a lease call, so that tests see exactly what the token core
 * asks of its store and when.
 */
final class ObservedStore implements PartnerTokenStore {

	private final PartnerTokenStore store;

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final AtomicInteger listeners = new AtomicInteger();

	private volatile boolean leaseHeldElsewhere;

	private volatile Runnable duringLease = () -> {
	};

	ObservedStore(Clock clock) {
		this.store = PartnerTokenStore.inMemory(clock);
	}

	/**
	 * Answers every lease call as if another instance held the lease for an hour, running
	 * the given action before it answers.
	 * @param action what happens while the lease call is answered
	 */
	void holdLeaseElsewhere(Runnable action) {
		this.leaseHeldElsewhere = true;
		this.duringLease = action;
	}

	int calls(String operation) {
		AtomicInteger count = this.calls.get(operation);
		return (count != null) ? count.get() : 0;
	}

	int listeners() {
		return this.listeners.get();
	}

	private void count(String operation) {
		this.calls.computeIfAbsent(operation, (name) -> new AtomicInteger()).incrementAndGet();
	}

	@Override
	public Mono<StoredToken> load(TokenKey key) {
		count("load");
		return this.store.load(key);
	}

	@Override
	public Mono<Void> save(TokenKey key, StoredToken token) {
		count("save");
		return this.store.save(key, token);
	}

	@Override
	public Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue) {
		count("removeIfCurrent");
		return this.store.removeIfCurrent(key, rejectedTokenValue);
	}

	@Override
	public Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive) {
		count("tryLease");
		if (this.leaseHeldElsewhere) {
			return Mono.fromSupplier(() -> {
				this.duringLease.run();
				return false;
			});
		}
		return this.store.tryLease(key, holder, timeToLive);
	}

	@Override
	public Mono<Void> releaseLease(TokenKey key, String holder) {
		count("releaseLease");
		return this.store.releaseLease(key, holder);
	}

	@Override
	public Mono<Duration> leaseRemaining(TokenKey key) {
		count("leaseRemaining");
		return this.leaseHeldElsewhere ? Mono.just(Duration.ofHours(1)) : this.store.leaseRemaining(key);
	}

	@Override
	public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
		count("reserve");
		return this.store.reserve(key, month, limit);
	}

	@Override
	public Mono<Long> release(TokenKey key, YearMonth month) {
		count("release");
		return this.store.release(key, month);
	}

	@Override
	public Mono<Long> issued(TokenKey key, YearMonth month) {
		count("issued");
		return this.store.issued(key, month);
	}

	@Override
	public Flux<TokenKey> saves() {
		return this.store.saves()
			.doOnSubscribe((subscription) -> this.listeners.incrementAndGet())
			.doFinally((signal) -> this.listeners.decrementAndGet());
	}

}
