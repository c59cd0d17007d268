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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Coordinates one partner's token with the {@link PartnerTokenStore}: loads, saves and
 * removes it, and runs the lease that lets one instance sharing the store fetch while the
 * others wait for its save. A store is a cache of tokens: each of its failures is logged
 * once until it works again and never fails a call. The lease lasts as long as
 * {@link TokenWait} says; how a flight uses it is stated on {@link #leased(Mono, Mono)}.
 */
final class TokenStoreCoordinator implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(TokenStoreCoordinator.class);

	private static final Duration LEASE_POLL = Duration.ofSeconds(1);

	private static final Duration LEASE_RETRY_FLOOR = Duration.ofMillis(10);

	private final PartnerTokenStore store;

	private final String partner;

	/**
	 * The key, made when first used: see {@link LazyTokenKey}.
	 */
	private final Supplier<TokenKey> key;

	private final Duration timeout;

	private final Duration leaseTime;

	/**
	 * Names this instance as a lease holder. It must differ between instances, not be
	 * unpredictable, so it takes no secure random numbers (whose generator would be
	 * seeded at start-up for this alone).
	 */
	private final String holder = new UUID(ThreadLocalRandom.current().nextLong(),
			ThreadLocalRandom.current().nextLong())
		.toString();

	/**
	 * Announces saves to the flights waiting for the lease holder's token. Created when
	 * first used, like the subscription to the store's saves: the first {@code Flux} of
	 * an application initializes some two hundred of Reactor's classes.
	 */
	private volatile Sinks.@Nullable Many<TokenKey> saved;

	private volatile @Nullable Disposable subscription;

	private boolean closed;

	private volatile @Nullable String storeFailure;

	/**
	 * Creates a coordinator whose key is made when first used.
	 * @param store the store
	 * @param partner the partner's name
	 * @param key supplies the key of the partner's token in the store
	 * @param timeout how long each store operation may take before it counts as failed
	 * @param leaseTime how long the lease of one flight lasts
	 */
	TokenStoreCoordinator(PartnerTokenStore store, String partner, Supplier<TokenKey> key, Duration timeout,
			Duration leaseTime) {
		this.store = store;
		this.partner = partner;
		this.key = key;
		this.timeout = timeout;
		this.leaseTime = leaseTime;
	}

	String partner() {
		return this.partner;
	}

	/**
	 * Starts listening for saves of the partner's token, by this instance or another
	 * sharing the store, until {@link #close()}; once closed, it does not start again.
	 * @param onSave what to do on each save, before waiting flights are woken
	 */
	synchronized void start(Runnable onSave) {
		if (this.subscription == null && !this.closed) {
			TokenKey key = this.key.get();
			this.subscription = this.store.saves().filter(key::equals).subscribe((saved) -> {
				onSave.run();
				saved().tryEmitNext(saved);
			}, (ex) -> {
			});
		}
	}

	/**
	 * Stops listening for saves.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		Disposable subscription = this.subscription;
		this.subscription = null;
		if (subscription != null) {
			subscription.dispose();
		}
	}

	/**
	 * Loads the stored token; a store that fails counts as holding none.
	 * @return the stored token, or empty
	 */
	Mono<StoredToken> load() {
		return Mono.defer(() -> this.store.load(this.key.get())).timeout(this.timeout).onErrorResume((ex) -> {
			storeFailed("load a token from", ex);
			return Mono.empty();
		});
	}

	/**
	 * Returns the token of one flight. It tries the lease: the holder reloads once more
	 * and otherwise fetches and saves, releasing the lease afterwards; an instance that
	 * met a store error fetches without saving. Any other waits, then reloads or tries
	 * again: until a save is announced (it listens from before it asks for the lease, so
	 * that no save is missed), for a second at most, or until the store says the lease
	 * ends if that is sooner. So while the store answers only a holder fetches, and a
	 * holder that released the lease without saving, or died, is replaced by one.
	 * @param reload loads the token another holder saved, or empty
	 * @param fetch fetches a token
	 * @return the token
	 */
	Mono<StoredToken> leased(Mono<StoredToken> reload, Mono<StoredToken> fetch) {
		return Mono.defer(() -> {
			Sinks.Empty<Void> savedMeanwhile = Sinks.empty();
			Disposable watch = saved().asFlux().next().subscribe((saved) -> savedMeanwhile.tryEmitEmpty());
			return lease().flatMap((turn) -> {
				if (turn == Turn.GRANTED) {
					return reload.switchIfEmpty(fetch.flatMap((fresh) -> save(fresh).thenReturn(fresh)))
						.doFinally((signal) -> releaseLease());
				}
				if (turn == Turn.ALONE) {
					return fetch;
				}
				return Mono.firstWithSignal(Mono.delay(turn.wait).then(), savedMeanwhile.asMono())
					.doFinally((signal) -> watch.dispose())
					.then(reload)
					.switchIfEmpty(Mono.defer(() -> leased(reload, fetch)));
			}).doFinally((signal) -> watch.dispose());
		});
	}

	/**
	 * Removes a rejected token from the store in the background, unless the store holds a
	 * newer one.
	 * @param rejected the value of the rejected access token
	 */
	void remove(String rejected) {
		Mono.defer(() -> this.store.removeIfCurrent(this.key.get(), rejected))
			.timeout(this.timeout)
			.subscribe(null, (ex) -> storeFailed("remove the rejected token from", ex));
	}

	/**
	 * Returns why the store cannot be used now, or {@code null}.
	 * @return the problem, free of secrets
	 */
	@Nullable String problem() {
		String failure = this.storeFailure;
		return (failure != null) ? failure : this.store.readProblem(this.key.get());
	}

	private Mono<Turn> lease() {
		return Mono.defer(() -> this.store.tryLease(this.key.get(), this.holder, this.leaseTime))
			.timeout(this.timeout)
			.defaultIfEmpty(true)
			.flatMap((granted) -> granted ? Mono.just(Turn.GRANTED)
					: Mono.defer(() -> this.store.leaseRemaining(this.key.get()))
						.timeout(this.timeout)
						.map(Turn::waitFor)
						.defaultIfEmpty(Turn.waitFor(LEASE_POLL)))
			.onErrorResume((ex) -> {
				storeFailed("take the token lease in", ex);
				return Mono.just(Turn.ALONE);
			});
	}

	private void releaseLease() {
		Mono.defer(() -> this.store.releaseLease(this.key.get(), this.holder))
			.timeout(this.timeout)
			.subscribe(null, (ex) -> storeFailed("release the token lease in", ex));
	}

	/**
	 * Saves a token the partner issued; a store that fails costs nothing but the sharing,
	 * since the token is used from memory either way.
	 * @param fresh the token the partner just issued
	 * @return completion, also when the store failed
	 */
	private Mono<Void> save(StoredToken fresh) {
		return Mono.defer(() -> this.store.save(this.key.get(), fresh))
			.timeout(this.timeout)
			.doOnSuccess((done) -> this.storeFailure = null)
			.onErrorResume((ex) -> {
				storeFailed("save a token to", ex);
				return Mono.empty();
			});
	}

	private Sinks.Many<TokenKey> saved() {
		Sinks.Many<TokenKey> saved = this.saved;
		if (saved == null) {
			synchronized (this) {
				saved = this.saved;
				if (saved == null) {
					saved = Sinks.many().multicast().directBestEffort();
					this.saved = saved;
				}
			}
		}
		return saved;
	}

	private void storeFailed(String operation, Throwable ex) {
		String description = "Could not " + operation + " the token store of partner '" + partner() + "': "
				+ ((ex instanceof TimeoutException) ? "no answer within " + this.timeout
						: ex.getClass().getSimpleName());
		if (this.storeFailure == null) {
			logger.warn(description + "; tokens are kept in this instance's memory meanwhile.");
		}
		this.storeFailure = description;
	}

	@Override
	public String toString() {
		return "TokenStoreCoordinator[partner=" + partner() + ", leaseTime=" + this.leaseTime + "]";
	}

	/**
	 * What an attempt to take the lease gave: the lease, a wait for its holder (a second,
	 * or less when the store says the lease ends sooner, never a busy loop), or a store
	 * error that lets this instance fetch alone.
	 */
	private static final class Turn {

		static final Turn GRANTED = new Turn(Duration.ZERO);

		static final Turn ALONE = new Turn(Duration.ZERO);

		private final Duration wait;

		private Turn(Duration wait) {
			this.wait = wait;
		}

		static Turn waitFor(Duration leaseRemaining) {
			Duration wait = (leaseRemaining.compareTo(LEASE_POLL) < 0) ? leaseRemaining : LEASE_POLL;
			return new Turn((wait.compareTo(LEASE_RETRY_FLOOR) < 0) ? LEASE_RETRY_FLOOR : wait);
		}

	}

}
