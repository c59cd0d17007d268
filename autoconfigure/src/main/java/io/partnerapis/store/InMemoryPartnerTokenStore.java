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
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.util.function.SingletonSupplier;

/**
 * {@link PartnerTokenStore} that keeps tokens, leases and monthly counts in memory: the
 * default, where each instance has its own tokens and its own count. Every operation is
 * atomic. Created through {@link PartnerTokenStore#inMemory(Clock)}.
 */
final class InMemoryPartnerTokenStore implements PartnerTokenStore {

	private final Map<TokenKey, StoredToken> tokens = new ConcurrentHashMap<>();

	private final Map<TokenKey, Lease> leases = new ConcurrentHashMap<>();

	private final Map<TokenKey, Map<YearMonth, AtomicLong>> issued = new ConcurrentHashMap<>();

	/**
	 * Announces saves; created when first used, since the first {@code Flux} of an
	 * application initializes some two hundred of Reactor's classes.
	 */
	private final SingletonSupplier<Sinks.Many<TokenKey>> saves = SingletonSupplier
		.of(() -> Sinks.many().multicast().directBestEffort());

	private final Queue<TokenKey> announcements = new ConcurrentLinkedQueue<>();

	private final AtomicInteger announcing = new AtomicInteger();

	private final Clock clock;

	InMemoryPartnerTokenStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<StoredToken> load(TokenKey key) {
		return Mono.fromSupplier(() -> this.tokens.get(key));
	}

	@Override
	public Mono<Void> save(TokenKey key, StoredToken token) {
		return Mono.fromRunnable(() -> {
			this.tokens.put(key, token);
			announce(key);
		});
	}

	/**
	 * Announces a save. Saves on two threads at once, or a save made while an
	 * announcement is delivered, would make the sink refuse one of them: so each is
	 * queued, and whoever finds no announcement running delivers the queue in order.
	 * Reactor's busy-looping retry would spin for ever on a save made from within the
	 * delivery of another.
	 * @param key the key of the token that was saved
	 */
	private void announce(TokenKey key) {
		this.announcements.offer(key);
		if (this.announcing.getAndIncrement() != 0) {
			return;
		}
		do {
			TokenKey next;
			while ((next = this.announcements.poll()) != null) {
				this.saves.obtain().tryEmitNext(next);
			}
		}
		while (this.announcing.decrementAndGet() != 0);
	}

	@Override
	public Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue) {
		return Mono.fromSupplier(() -> {
			StoredToken stored = this.tokens.get(key);
			return stored != null && stored.accessToken().getTokenValue().equals(rejectedTokenValue)
					&& this.tokens.remove(key, stored);
		});
	}

	@Override
	public Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive) {
		return Mono.fromSupplier(() -> {
			Instant now = this.clock.instant();
			Lease lease = this.leases.compute(key,
					(k, held) -> (held == null || !now.isBefore(held.until()) || held.holder().equals(holder))
							? new Lease(holder, now.plus(timeToLive)) : held);
			return lease.holder().equals(holder);
		});
	}

	@Override
	public Mono<Void> releaseLease(TokenKey key, String holder) {
		return Mono.fromRunnable(
				() -> this.leases.computeIfPresent(key, (k, held) -> held.holder().equals(holder) ? null : held));
	}

	@Override
	public Mono<Duration> leaseRemaining(TokenKey key) {
		return Mono.fromSupplier(() -> {
			Lease lease = this.leases.get(key);
			Instant now = this.clock.instant();
			return (lease == null || !now.isBefore(lease.until())) ? Duration.ZERO
					: Duration.between(now, lease.until());
		});
	}

	@Override
	public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
		return Mono.fromSupplier(() -> {
			AtomicLong counter = counter(key, month);
			long before = counter.getAndUpdate((issued) -> (issued < limit) ? issued + 1 : issued);
			return (before < limit) ? new Reservation(true, before + 1) : new Reservation(false, before);
		});
	}

	@Override
	public Mono<Long> release(TokenKey key, YearMonth month) {
		return Mono.fromSupplier(() -> counter(key, month).updateAndGet((issued) -> Math.max(0, issued - 1)));
	}

	@Override
	public Mono<Long> issued(TokenKey key, YearMonth month) {
		return Mono.fromSupplier(() -> counter(key, month).get());
	}

	@Override
	public Flux<TokenKey> saves() {
		return this.saves.obtain().asFlux();
	}

	private AtomicLong counter(TokenKey key, YearMonth month) {
		return this.issued.computeIfAbsent(key, (k) -> new ConcurrentHashMap<>())
			.computeIfAbsent(month, (m) -> new AtomicLong());
	}

	@Override
	public String toString() {
		return "InMemoryPartnerTokenStore[tokens=" + this.tokens.size() + "]";
	}

	private record Lease(String holder, Instant until) {
	}

}
