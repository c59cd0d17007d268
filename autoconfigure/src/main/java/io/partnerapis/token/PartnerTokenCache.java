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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.TokenState;
import io.partnerapis.store.StoredToken;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Holds one partner's current token and fetches it once however many callers need it: a
 * valid token is handed out from memory without locking or I/O; without one, concurrent
 * callers share one fetch (single flight); a token due for renewal stays in use while one
 * renewal runs in the background; a rejected token is dropped only while it is current.
 * When a token is renewed, and how long a failed fetch is backed off, is the
 * {@link RenewalPolicy}'s decision; the store and its lease are the
 * {@link TokenStoreCoordinator}'s.
 */
final class PartnerTokenCache implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(PartnerTokenCache.class);

	private final String partner;

	private final TokenFetcher fetcher;

	private final TokenStoreCoordinator store;

	private final RenewalPolicy policy;

	private final MonthlyTokenQuota quota;

	private final Clock clock;

	private final TokenStatistics statistics;

	private final FetchBackOff backOff;

	private final AtomicReference<@Nullable CachedToken> current = new AtomicReference<>();

	private final SingleFlight<CachedToken> flights = new SingleFlight<>();

	private volatile @Nullable StoredToken retired;

	private final AtomicBoolean started = new AtomicBoolean();

	PartnerTokenCache(TokenFetcher fetcher, TokenStoreCoordinator store, RenewalPolicy policy, MonthlyTokenQuota quota,
			Clock clock) {
		this.partner = store.partner();
		this.fetcher = fetcher;
		this.store = store;
		this.policy = policy;
		this.quota = quota;
		this.clock = clock;
		this.statistics = new TokenStatistics(clock);
		this.backOff = new FetchBackOff(this.partner, policy, clock);
	}

	/**
	 * Starts listening for saves of the partner's token (which end a back-off and refresh
	 * the monthly count), once, at the first flight or limited quota's read rather than
	 * at start-up, where it would initialize Reactor's {@code Flux}; nothing waits for a
	 * save before. The count is read once as it starts, since saves made before it
	 * listened are not announced again.
	 */
	void start() {
		if (!this.started.get() && this.started.compareAndSet(false, true)) {
			this.store.start(() -> {
				this.backOff.clear();
				this.quota.refresh();
			});
			this.quota.refresh();
		}
	}

	@Override
	public void close() {
		this.store.close();
	}

	/**
	 * Returns the current token if it is valid, without waiting, starting its renewal in
	 * the background when it is due.
	 * @return the token, or {@code null} when there is no valid one
	 */
	@Nullable OAuth2AccessToken peek() {
		CachedToken cached = this.current.get();
		Instant now = this.clock.instant();
		if (cached == null || !cached.isValidAt(now)) {
			return null;
		}
		if (cached.isDueAt(now) && !this.flights.isInFlight()) {
			renewInBackground(cached);
		}
		return cached.accessToken();
	}

	/**
	 * Returns the cached valid token, or one fetched once for all concurrent callers; a
	 * failure in its back-off is returned at once.
	 * @return the token
	 */
	Mono<OAuth2AccessToken> token() {
		OAuth2AccessToken token = peek();
		if (token != null) {
			return Mono.just(token);
		}
		PartnerTokenException backedOff = this.backOff.failure();
		if (backedOff != null && !this.flights.isInFlight()) {
			return Mono.error(backedOff);
		}
		return flight().map(CachedToken::accessToken);
	}

	boolean isCurrent(OAuth2AccessToken token) {
		CachedToken cached = this.current.get();
		return cached != null && cached.token().holds(token);
	}

	/**
	 * Drops a rejected token if it is still current, and removes it from the store unless
	 * the store holds a newer one.
	 * @param rejected the token the partner rejected
	 * @return whether this call dropped it
	 */
	boolean invalidate(OAuth2AccessToken rejected) {
		CachedToken cached = this.current.get();
		if (cached == null || !cached.token().holds(rejected)) {
			return false;
		}
		this.retired = cached.token();
		if (!this.current.compareAndSet(cached, null)) {
			return false;
		}
		this.store.remove(rejected.getTokenValue());
		return true;
	}

	/**
	 * Takes a valid stored token issued no earlier than the rejected, still current one
	 * into use without fetching: a 401 that may not force a renewal.
	 * @param rejected the token the partner rejected
	 * @return the stored token now current, or empty
	 */
	Mono<OAuth2AccessToken> storedSuccessor(OAuth2AccessToken rejected) {
		return Mono.defer(() -> {
			CachedToken cached = this.current.get();
			if (cached == null || !cached.token().holds(rejected)) {
				return Mono.empty();
			}
			return loadValid(cached.token()).filter((stored) -> isNoOlder(stored.accessToken(), rejected))
				.map((stored) -> {
					this.current.compareAndSet(cached, CachedToken.of(stored, this.policy));
					return stored.accessToken();
				});
		});
	}

	private static boolean isNoOlder(OAuth2AccessToken stored, OAuth2AccessToken rejected) {
		return stored.getIssuedAt() == null || rejected.getIssuedAt() == null
				|| !stored.getIssuedAt().isBefore(rejected.getIssuedAt());
	}

	/**
	 * Returns the monthly quota; reading one with a limit starts listening for the saves
	 * that refresh its count.
	 * @return the quota
	 */
	MonthlyTokenQuota quota() {
		if (this.quota.isLimited()) {
			start();
		}
		return this.quota;
	}

	TokenState state() {
		return this.statistics.state(this.current.get(), this.retired != null, this.store.problem());
	}

	private void renewInBackground(CachedToken cached) {
		flight().subscribe(null,
				(ex) -> logger.warn("Background renewal of the token of partner '" + this.partner
						+ "' failed; its current token stays in use until " + cached.accessToken().getExpiresAt() + ". "
						+ TokenStatistics.describe(ex)));
	}

	private Mono<CachedToken> flight() {
		start();
		return this.flights.join(this::loadOrFetch);
	}

	private Mono<CachedToken> loadOrFetch() {
		CachedToken cached = this.current.get();
		Instant now = this.clock.instant();
		if (cached != null && cached.isValidAt(now) && !cached.isDueAt(now)) {
			return Mono.just(cached);
		}
		StoredToken previous = (cached != null) ? cached.token() : this.retired;
		boolean holdsValid = cached != null && cached.isValidAt(now);
		Mono<StoredToken> fetch = this.statistics.counted(Mono.defer(() -> this.fetcher.fetch(previous, this.quota)));
		return loadUsable(previous)
			.switchIfEmpty(this.quota.check().then(Mono.defer(() -> this.store.leased(loadUsable(previous), fetch))))
			.map(this::adopt)
			.onErrorResume((ex) -> !holdsValid,
					(ex) -> loadValid(previous).map(this::adoptAfterFailure).switchIfEmpty(Mono.error(ex)))
			.doOnError((ex) -> {
				if (cached != null && cached.isValidAt(this.clock.instant())) {
					postpone(cached);
				}
				else if (!(ex instanceof PartnerTokenQuotaException)) {
					this.backOff.failed(ex);
				}
			});
	}

	/**
	 * Loads the stored token if it is another than the given one and not yet due for
	 * renewal.
	 * @param previous the token this instance holds already, or {@code null}
	 * @return the stored token, or empty when the store holds none that is usable
	 */
	private Mono<StoredToken> loadUsable(@Nullable StoredToken previous) {
		return load(previous, (token, now) -> now.isBefore(this.policy.renewAt(token)));
	}

	private Mono<StoredToken> loadValid(@Nullable StoredToken previous) {
		return load(previous, (token, now) -> token.getExpiresAt() == null || now.isBefore(token.getExpiresAt()));
	}

	private Mono<StoredToken> load(@Nullable StoredToken previous, BiPredicate<OAuth2AccessToken, Instant> wanted) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			return this.store.load()
				.doOnNext((stored) -> this.quota.refresh())
				.filter((stored) -> wanted.test(stored.accessToken(), now)
						&& (previous == null || !previous.holds(stored.accessToken())));
		});
	}

	/**
	 * Moves a valid token's renewal past a failed attempt before the flight ends.
	 * @param cached the entry whose renewal failed
	 */
	private void postpone(CachedToken cached) {
		this.current.compareAndSet(cached, CachedToken.afterFailure(cached.token(), this.policy, this.clock.instant()));
	}

	/**
	 * Takes a stored token due for renewal into use after a fetch failed.
	 * @param token the stored token, due for renewal but not expired
	 * @return the cache entry now in use
	 */
	private CachedToken adoptAfterFailure(StoredToken token) {
		return use(CachedToken.afterFailure(token, this.policy, this.clock.instant()));
	}

	private CachedToken adopt(StoredToken token) {
		this.backOff.clear();
		return use(CachedToken.of(token, this.policy));
	}

	private CachedToken use(CachedToken cached) {
		this.current.set(cached);
		this.retired = null;
		return cached;
	}

	@Override
	public String toString() {
		return "PartnerTokenCache[partner=" + this.partner + "]";
	}

}
