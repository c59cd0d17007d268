package io.partnerapis.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Holds one partner's current token and makes sure it is fetched once however many
 * callers need it.
 *
 * <ul>
 * <li>A valid token is handed out from memory, without locking or I/O.</li>
 * <li>When there is none, the first caller starts a fetch and every concurrent caller
 * waits for that same fetch (single flight).</li>
 * <li>When a token is due for renewal but still valid, callers go on using it while one
 * renewal runs in the background; a failed renewal is recorded and tried again
 * later.</li>
 * <li>A token the partner rejected is dropped only if it is still the current one, so
 * many concurrent 401s cause one renewal.</li>
 * </ul>
 * Tokens are kept in a {@link PartnerTokenStore}, so a shared store lets instances reuse
 * each other's tokens; the in-memory copy here keeps the hot path free of store look-ups.
 * Token requests are kept within the partner's monthly quota by a
 * {@link MonthlyTokenQuota}.
 *
 * <p>
 * <strong>The lease.</strong> When an instance needs a token the store does not hold, it
 * takes the store's lease; only the holder fetches and saves. The lease is sized from the
 * holder's whole flight rather than extended by a watchdog: each token request one fetch
 * can make (two where a refresh-token grant falls back to client credentials) with two
 * quota store calls each, plus the load before and the save after, plus one second (see
 * {@link #leaseTime(Duration, int, Duration)}). While the store answers, an instance that
 * did not get the lease never fetches: it loads the token when the store announces a
 * save, and otherwise tries the lease again once a second, or when the store says the
 * lease ends if that is sooner, so a holder that released the lease without saving (its
 * request failed) or died is replaced by exactly one instance. A store that fails, at the
 * first lease attempt or during the wait, counts as granting the lease: the instance
 * fetches at once on its own and does not save.
 */
final class PartnerTokenCache {

	private static final Log logger = LogFactory.getLog(PartnerTokenCache.class);

	/**
	 * How often an instance that waits for the lease holder's token tries to take the
	 * lease over.
	 */
	private static final Duration LEASE_POLL = Duration.ofSeconds(1);

	/**
	 * Shortest wait between two attempts to take the lease, so that a lease the store
	 * reports as ending now is not asked for in a busy loop.
	 */
	private static final Duration LEASE_RETRY_FLOOR = Duration.ofMillis(10);

	/**
	 * Time allowed in the lease beyond the flight's requests and store calls.
	 */
	private static final Duration LEASE_MARGIN = Duration.ofSeconds(1);

	private final String partner;

	private final TokenFetcher fetcher;

	private final PartnerTokenStore store;

	private final TokenKey key;

	private final Duration storeTimeout;

	private final RenewalPolicy policy;

	private final Clock clock;

	private final Duration leaseTime;

	private final MonthlyTokenQuota quota;

	/**
	 * Names this cache as a lease holder. It must differ between instances, not be
	 * unpredictable, so it takes no secure random numbers (whose generator would be
	 * seeded at start-up for this alone).
	 */
	private final String holder = new UUID(ThreadLocalRandom.current().nextLong(),
			ThreadLocalRandom.current().nextLong())
		.toString();

	private final Sinks.Many<TokenKey> saved = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<@Nullable Cached> current = new AtomicReference<>();

	private final AtomicReference<@Nullable Flight> inFlight = new AtomicReference<>();

	private volatile @Nullable OAuth2AuthorizedClient retired;

	private final AtomicLong fetches = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile @Nullable Failure lastFailure;

	private volatile boolean lastFetchFailed;

	private volatile @Nullable BackOff backOff;

	private volatile @Nullable String storeFailure;

	/**
	 * Creates a new cache.
	 * @param fetcher fetches new tokens for the partner
	 * @param store stores the partner's token
	 * @param key the key of the partner's token in the store
	 * @param storeTimeout how long each store operation may take before it counts as
	 * failed
	 * @param policy decides when tokens are renewed
	 * @param clock the clock to read the time from
	 * @param tokenRequestTime the longest one token request can take, with its retries,
	 * from which the store lease is sized
	 * @param quota keeps token requests within the partner's monthly quota
	 */
	public PartnerTokenCache(TokenFetcher fetcher, PartnerTokenStore store, TokenKey key, Duration storeTimeout,
			RenewalPolicy policy, Clock clock, Duration tokenRequestTime, MonthlyTokenQuota quota) {
		this.partner = key.partner();
		this.fetcher = fetcher;
		this.store = store;
		this.key = key;
		this.storeTimeout = storeTimeout;
		this.policy = policy;
		this.clock = clock;
		this.leaseTime = leaseTime(tokenRequestTime, fetcher.requestsPerFetch(), storeTimeout);
		this.quota = quota;
		store.saves().filter(key::equals).subscribe(this::savedElsewhere, (ex) -> {
		});
	}

	/**
	 * Returns how long the store lease lasts: the whole flight of the holder, since the
	 * lease is not extended while it runs. Each token request of a fetch comes with two
	 * quota store calls (the check before it, the count after it); the flight also loads
	 * the store once before fetching and saves once after; one second more covers the
	 * rest.
	 * @param tokenRequestTime the longest one token request can take, with its retries
	 * @param requestsPerFetch the token requests one fetch makes at most
	 * @param storeTimeout how long each store operation may take
	 * @return the lease time
	 */
	static Duration leaseTime(Duration tokenRequestTime, int requestsPerFetch, Duration storeTimeout) {
		return tokenRequestTime.plus(storeTimeout.multipliedBy(2))
			.multipliedBy(requestsPerFetch)
			.plus(storeTimeout.multipliedBy(2))
			.plus(LEASE_MARGIN);
	}

	/**
	 * Returns how long the store lease this instance takes to fetch a token lasts.
	 * @return the lease time
	 */
	public Duration leaseTime() {
		return this.leaseTime;
	}

	/**
	 * Takes note that a token of this key was saved, by this instance or another sharing
	 * the store: waiters for the lease holder load it, and a back-off after a failure of
	 * this instance's own ends, since the store now holds a token.
	 */
	private void savedElsewhere(TokenKey savedKey) {
		this.backOff = null;
		this.saved.tryEmitNext(savedKey);
	}

	/**
	 * Returns a valid token: the cached one, or one fetched for this and every concurrent
	 * caller that found none. After a failed fetch, while no valid token is held, callers
	 * get that failure at once until the back-off the {@link RenewalPolicy} sets has
	 * passed, so a failing token endpoint is not asked again on every call.
	 * @return the token
	 */
	public Mono<OAuth2AccessToken> token() {
		Cached cached = this.current.get();
		Instant now = this.clock.instant();
		if (cached != null && cached.isValidAt(now)) {
			if (!now.isBefore(cached.renewAt) && this.inFlight.get() == null) {
				renewInBackground(cached);
			}
			return Mono.just(cached.client.getAccessToken());
		}
		BackOff backOff = this.backOff;
		if (backOff != null && now.isBefore(backOff.until) && this.inFlight.get() == null) {
			return Mono.error(backOff.failure());
		}
		return flight().map((fresh) -> fresh.client.getAccessToken());
	}

	/**
	 * Returns whether the given token is the one this cache hands out now.
	 * @param token the token
	 * @return whether it is current
	 */
	public boolean isCurrent(OAuth2AccessToken token) {
		Cached cached = this.current.get();
		return cached != null && sameToken(cached.client, token);
	}

	/**
	 * Drops a token the partner rejected if it is still the current one, so that the next
	 * {@link #token()} fetches another, and removes it from the store unless the store
	 * already holds a newer one.
	 * @param rejected the token the partner rejected
	 * @return {@code true} when this call dropped it, {@code false} when it was no longer
	 * current
	 */
	public boolean invalidate(OAuth2AccessToken rejected) {
		Cached cached = this.current.get();
		if (cached == null || !sameToken(cached.client, rejected)) {
			return false;
		}
		this.retired = cached.client;
		if (!this.current.compareAndSet(cached, null)) {
			return false;
		}
		Mono.defer(() -> this.store.removeIfCurrent(this.key, rejected.getTokenValue()))
			.timeout(this.storeTimeout)
			.subscribe(null, (ex) -> storeFailed("remove the rejected token from", ex));
		return true;
	}

	/**
	 * Takes into use, without fetching, a valid token the store holds that was issued no
	 * earlier than the given rejected one, while the rejected one is still current: what
	 * a 401 that may not force a renewal recovers with, when another instance renewed.
	 * @param rejected the token the partner rejected
	 * @return the stored token now current, or empty when the rejected token is no longer
	 * current or the store holds no newer one
	 */
	public Mono<OAuth2AccessToken> storedSuccessor(OAuth2AccessToken rejected) {
		return Mono.defer(() -> {
			Cached cached = this.current.get();
			if (cached == null || !sameToken(cached.client, rejected)) {
				return Mono.empty();
			}
			return loadValid(cached.client).filter((stored) -> isNoOlder(stored.getAccessToken(), rejected))
				.map((stored) -> {
					this.current.compareAndSet(cached,
							new Cached(stored, this.policy.renewAt(stored.getAccessToken())));
					return stored.getAccessToken();
				});
		});
	}

	private static boolean isNoOlder(OAuth2AccessToken stored, OAuth2AccessToken rejected) {
		return stored.getIssuedAt() == null || rejected.getIssuedAt() == null
				|| !stored.getIssuedAt().isBefore(rejected.getIssuedAt());
	}

	/**
	 * Returns the state of the cached token and the fetch counts, without fetching.
	 * @return the state
	 */
	public TokenState state() {
		Cached cached = this.current.get();
		Failure failure = this.lastFailure;
		TokenState.Status status = (cached == null)
				? ((this.retired != null || this.fetches.get() > 0) ? TokenState.Status.EXPIRED
						: TokenState.Status.NONE)
				: (cached.isValidAt(this.clock.instant()) ? TokenState.Status.VALID : TokenState.Status.EXPIRED);
		return new TokenState(status, (cached != null) ? cached.client.getAccessToken().getExpiresAt() : null,
				(cached != null) ? cached.renewAt : null, this.fetches.get(), this.failures.get(),
				(failure != null) ? failure.description : null, (failure != null) ? failure.at : null,
				this.lastFetchFailed,
				(this.storeFailure != null) ? this.storeFailure : this.store.readProblem(this.key));
	}

	/**
	 * Returns the partner's monthly quota and this month's count, without I/O.
	 * @return the quota state
	 */
	public TokenQuota quota() {
		return this.quota.state();
	}

	/**
	 * Returns whether a 401 may force a renewal as far as the monthly quota goes: not in
	 * its last 10 %, which is kept for renewals of expiring tokens.
	 * @return whether a forced renewal may be made
	 */
	public boolean mayForceRenewal() {
		return this.quota.mayForceRenewal();
	}

	private void renewInBackground(Cached cached) {
		flight().subscribe(null,
				(ex) -> logger.warn("Background renewal of the token of partner '" + this.partner
						+ "' failed; its current token stays in use until "
						+ cached.client.getAccessToken().getExpiresAt() + ". " + describe(ex)));
	}

	private Mono<Cached> flight() {
		while (true) {
			Flight existing = this.inFlight.get();
			if (existing != null) {
				return existing.result;
			}
			Flight flight = new Flight();
			flight.result = Mono.defer(this::loadOrFetch)
				.doOnTerminate(() -> this.inFlight.compareAndSet(flight, null))
				.doFinally((signal) -> this.inFlight.compareAndSet(flight, null))
				.cache();
			if (this.inFlight.compareAndSet(null, flight)) {
				return flight.result;
			}
		}
	}

	private Mono<Cached> loadOrFetch() {
		Cached cached = this.current.get();
		if (cached != null && isFreshAt(cached, this.clock.instant())) {
			return Mono.just(cached);
		}
		OAuth2AuthorizedClient previous = (cached != null) ? cached.client : this.retired;
		boolean holdsValid = cached != null && cached.isValidAt(this.clock.instant());
		return loadUsable(previous).switchIfEmpty(Mono.defer(() -> leasedFetch(previous)))
			.map(this::adopt)
			.onErrorResume((ex) -> !holdsValid,
					(ex) -> loadValid(previous).map(this::adoptAfterFailure).switchIfEmpty(Mono.error(ex)))
			.doOnError((ex) -> {
				postpone(cached);
				backOff(cached, ex);
			});
	}

	/**
	 * Loads the stored token if it is another than the given one and not yet due for
	 * renewal. A store that fails counts as holding nothing.
	 */
	private Mono<OAuth2AuthorizedClient> loadUsable(@Nullable OAuth2AuthorizedClient previous) {
		return load(previous, (token, now) -> now.isBefore(this.policy.renewAt(token)));
	}

	/**
	 * Loads the stored token if it is another than the given one and has not expired,
	 * even if it is due for renewal: what a failed fetch falls back to.
	 */
	private Mono<OAuth2AuthorizedClient> loadValid(@Nullable OAuth2AuthorizedClient previous) {
		return load(previous, (token, now) -> token.getExpiresAt() == null || now.isBefore(token.getExpiresAt()));
	}

	private Mono<OAuth2AuthorizedClient> load(@Nullable OAuth2AuthorizedClient previous,
			BiPredicate<OAuth2AccessToken, Instant> wanted) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			return Mono.defer(() -> this.store.load(this.key)).timeout(this.storeTimeout).onErrorResume((ex) -> {
				storeFailed("load a token from", ex);
				return Mono.empty();
			})
				.doOnNext((stored) -> this.quota.refresh())
				.filter((stored) -> wanted.test(stored.accessToken(), now)
						&& (previous == null || !sameToken(previous, stored.accessToken())))
				.map(this.fetcher::authorizedClient);
		});
	}

	/**
	 * Fetches a token once this instance holds the store's lease, unless the holder's
	 * token can be loaded first; a store that fails lets this instance fetch on its own
	 * at once.
	 */
	private Mono<OAuth2AuthorizedClient> leasedFetch(@Nullable OAuth2AuthorizedClient previous) {
		return this.quota.check().then(Mono.defer(() -> takeTurn(previous)));
	}

	/**
	 * Tries the lease: the holder loads once more and fetches, releasing the lease
	 * afterwards; an instance that met a store error fetches without saving; any other
	 * waits for a save, or until it may try again, and then loads the holder's token or
	 * tries the lease again. The wait never ends with a fetch without the lease while the
	 * store answers.
	 */
	private Mono<OAuth2AuthorizedClient> takeTurn(@Nullable OAuth2AuthorizedClient previous) {
		return lease().flatMap((turn) -> {
			if (turn == Turn.GRANTED) {
				return loadUsable(previous).switchIfEmpty(Mono.defer(() -> fetch(previous, true)))
					.doFinally((signal) -> releaseLease());
			}
			if (turn == Turn.ALONE) {
				return fetch(previous, false);
			}
			return Mono.firstWithSignal(Mono.delay(turn.wait).then(), this.saved.asFlux().next().then())
				.then(loadUsable(previous))
				.switchIfEmpty(Mono.defer(() -> takeTurn(previous)));
		});
	}

	/**
	 * Tries to take the store's lease: granted, held by another (with how long to wait
	 * before trying again: a second, or less when the store says the lease ends sooner),
	 * or alone when the store failed.
	 */
	private Mono<Turn> lease() {
		return Mono.defer(() -> this.store.tryLease(this.key, this.holder, this.leaseTime))
			.timeout(this.storeTimeout)
			.defaultIfEmpty(true)
			.flatMap((granted) -> granted ? Mono.just(Turn.GRANTED)
					: Mono.defer(() -> this.store.leaseRemaining(this.key))
						.timeout(this.storeTimeout)
						.map(Turn::waitFor)
						.defaultIfEmpty(Turn.waitFor(LEASE_POLL)))
			.onErrorResume((ex) -> {
				storeFailed("take the token lease in", ex);
				return Mono.just(Turn.ALONE);
			});
	}

	private void releaseLease() {
		Mono.defer(() -> this.store.releaseLease(this.key, this.holder))
			.timeout(this.storeTimeout)
			.subscribe(null, (ex) -> storeFailed("release the token lease in", ex));
	}

	/**
	 * Keeps callers that find no valid token from asking a failing token endpoint again
	 * at once: for one second after the first failure, doubling up to a minute while
	 * failures continue, or as long as the endpoint's {@code Retry-After} said. A used-up
	 * monthly quota sets none: the monthly quota refuses at once, without I/O.
	 */
	private void backOff(@Nullable Cached cached, Throwable ex) {
		Instant now = this.clock.instant();
		if ((cached != null && cached.isValidAt(now)) || ex instanceof PartnerTokenQuotaException) {
			return;
		}
		BackOff previous = this.backOff;
		int consecutive = (previous != null) ? previous.consecutive + 1 : 1;
		Duration retryAfter = (ex instanceof PartnerTokenException tokenException) ? tokenException.getRetryAfter()
				: null;
		Instant until = now.plus(this.policy.backOffAfterFailure(consecutive, retryAfter));
		this.backOff = new BackOff(backedOff(ex, until), until, consecutive);
	}

	private PartnerTokenException backedOff(Throwable ex, Instant until) {
		String notice = " (the token endpoint is not asked again before " + until + ")";
		if (ex instanceof PartnerTokenException last) {
			return new PartnerTokenException(last.getPartner(), last.getStatus(), last.getError(),
					last.getMessage() + notice, last, last.getRetryAfter());
		}
		return new PartnerTokenException(this.partner, null,
				new OAuth2Error(PartnerTokenException.TOKEN_ENDPOINT_UNREACHABLE, "Token request failed", null),
				"Token request for partner '" + this.partner + "' failed: " + describe(ex) + notice, ex, null);
	}

	/**
	 * Records that the store failed, logging it once until the store works again; a store
	 * is a cache of tokens, so its failure never fails a call.
	 */
	private void storeFailed(String operation, Throwable ex) {
		String description = "Could not " + operation + " the token store of partner '" + this.partner + "': "
				+ ((ex instanceof TimeoutException) ? "no answer within " + this.storeTimeout
						: ex.getClass().getSimpleName());
		if (this.storeFailure == null) {
			logger.warn(description + "; tokens are kept in this instance's memory meanwhile.");
		}
		this.storeFailure = description;
	}

	/**
	 * Moves the renewal of a token that is still valid past a failed attempt, before the
	 * flight ends, so that no caller starts another attempt at once.
	 */
	private void postpone(@Nullable Cached cached) {
		Instant now = this.clock.instant();
		if (cached != null && cached.isValidAt(now)) {
			Instant retryAt = this.policy.retryAfterFailure(now, cached.client.getAccessToken().getExpiresAt());
			this.current.compareAndSet(cached, new Cached(cached.client, retryAt));
		}
	}

	/**
	 * Fetches a token and, unless the store just failed, saves it.
	 */
	private Mono<OAuth2AuthorizedClient> fetch(@Nullable OAuth2AuthorizedClient previous, boolean share) {
		return Mono.defer(() -> this.fetcher.fetch(previous, this.quota)).doOnNext((fresh) -> {
			this.fetches.incrementAndGet();
			this.lastFetchFailed = false;
		}).doOnError((ex) -> {
			this.failures.incrementAndGet();
			this.lastFailure = new Failure(describe(ex), this.clock.instant());
			this.lastFetchFailed = true;
		}).flatMap((fresh) -> share ? save(fresh).thenReturn(fresh) : Mono.just(fresh));
	}

	/**
	 * Saves a token the partner issued; a store that fails or does not answer in time
	 * costs nothing but the sharing, since the token is used from memory either way.
	 */
	private Mono<Void> save(OAuth2AuthorizedClient fresh) {
		return Mono
			.defer(() -> this.store.save(this.key, new StoredToken(fresh.getAccessToken(), fresh.getRefreshToken())))
			.timeout(this.storeTimeout)
			.doOnSuccess((done) -> this.storeFailure = null)
			.onErrorResume((ex) -> {
				storeFailed("save a token to", ex);
				return Mono.empty();
			});
	}

	/**
	 * Describes a failed fetch for health checks and endpoints. Only a
	 * {@link PartnerTokenException}'s message is known to be free of secrets; any other
	 * failure is described by its class alone.
	 */
	private static String describe(Throwable ex) {
		return (ex instanceof PartnerTokenException) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
				: ex.getClass().getSimpleName();
	}

	/**
	 * Takes a stored token that is due for renewal into use after a fetch failed, with
	 * its renewal tried again later as for a failed background renewal.
	 */
	private Cached adoptAfterFailure(OAuth2AuthorizedClient client) {
		Instant retryAt = this.policy.retryAfterFailure(this.clock.instant(), client.getAccessToken().getExpiresAt());
		Cached cached = new Cached(client, retryAt);
		this.current.set(cached);
		this.retired = null;
		return cached;
	}

	private Cached adopt(OAuth2AuthorizedClient client) {
		Cached cached = new Cached(client, this.policy.renewAt(client.getAccessToken()));
		this.current.set(cached);
		this.retired = null;
		this.backOff = null;
		return cached;
	}

	/**
	 * Returns whether a cached token is valid and not yet due for renewal at the given
	 * time.
	 */
	private static boolean isFreshAt(Cached cached, Instant now) {
		return cached.isValidAt(now) && now.isBefore(cached.renewAt);
	}

	private static boolean sameToken(OAuth2AuthorizedClient client, OAuth2AccessToken token) {
		return client.getAccessToken().getTokenValue().equals(token.getTokenValue());
	}

	@Override
	public String toString() {
		return "PartnerTokenCache[partner=" + this.partner + ", state=" + state().status() + "]";
	}

	private record Cached(OAuth2AuthorizedClient client, Instant renewAt) {

		boolean isValidAt(Instant now) {
			Instant expiresAt = this.client.getAccessToken().getExpiresAt();
			return expiresAt == null || now.isBefore(expiresAt);
		}

		@Override
		public String toString() {
			return "Cached[renewAt=" + this.renewAt + "]";
		}

	}

	private record Failure(String description, Instant at) {
	}

	private record BackOff(PartnerTokenException failure, Instant until, int consecutive) {
	}

	/**
	 * What an attempt to take the store's lease gave: the lease, a wait for its holder,
	 * or a store error that lets this instance fetch alone.
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

	private static final class Flight {

		private Mono<Cached> result = Mono.empty();

	}

}
