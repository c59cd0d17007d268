package io.partnerapis.token.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.token.fetch.TokenFetcher;
import io.partnerapis.token.renew.RenewalPolicy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Holds one partner's current token and makes sure it is fetched once however many
 * callers need it.
 *
 * <ul>
 * <li>A valid token is handed out from memory, without locking or I/O.</li>
 * <li>When there is none, the first caller starts a fetch and every concurrent caller
 * waits for that same fetch (single flight).</li>
 * <li>When a token is due for renewal but still valid, callers go on using it while one
 * renewal runs in the background; a failed renewal is recorded and tried again later.</li>
 * <li>A token the partner rejected is dropped only if it is still the current one, so
 * many concurrent 401s cause one renewal.</li>
 * </ul>
 * Tokens are stored through Spring Security's {@link ReactiveOAuth2AuthorizedClientService},
 * so a shared store lets instances reuse each other's tokens; the in-memory copy here
 * keeps the hot path free of store look-ups.
 *
 * @author partner-apis
 */
public final class PartnerTokenCache {

	private static final Log logger = LogFactory.getLog(PartnerTokenCache.class);

	private final String partner;

	private final TokenFetcher fetcher;

	private final ReactiveOAuth2AuthorizedClientService store;

	private final Authentication principal;

	private final RenewalPolicy policy;

	private final Clock clock;

	private final AtomicReference<@Nullable Cached> current = new AtomicReference<>();

	private final AtomicReference<@Nullable Flight> inFlight = new AtomicReference<>();

	private final AtomicReference<@Nullable Instant> lastForcedRenewal = new AtomicReference<>();

	private final AtomicInteger unaccepted = new AtomicInteger();

	private volatile @Nullable OAuth2AuthorizedClient retired;

	private final AtomicLong fetches = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile @Nullable Failure lastFailure;

	private volatile boolean lastFetchFailed;

	/**
	 * Creates a new cache.
	 * @param fetcher fetches new tokens for the partner
	 * @param store stores the partner's authorized client
	 * @param policy decides when tokens are renewed
	 * @param clock the clock to read the time from
	 */
	public PartnerTokenCache(TokenFetcher fetcher, ReactiveOAuth2AuthorizedClientService store, RenewalPolicy policy,
			Clock clock) {
		this.partner = fetcher.getRegistration().getRegistrationId();
		this.fetcher = fetcher;
		this.store = store;
		this.principal = UsernamePasswordAuthenticationToken.unauthenticated(fetcher.getPrincipalName(), null);
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Returns a valid token: the cached one, or one fetched for this and every concurrent
	 * caller that found none.
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
		return flight().map((fresh) -> fresh.client.getAccessToken());
	}

	/**
	 * Takes note that the partner rejected a token with 401 Unauthorized and drops that
	 * token if it is still the current one, so the next {@link #token()} fetches another.
	 * @param rejected the token the partner rejected
	 * @return {@code true} when the rejected request should be sent again with the token
	 * {@link #token()} now gives, {@code false} when no other token is to be had yet
	 * because the last forced renewal was too recent
	 */
	public boolean rejected(OAuth2AccessToken rejected) {
		Cached cached = this.current.get();
		if (cached == null || !sameToken(cached.client, rejected)) {
			return true;
		}
		Instant now = this.clock.instant();
		if (!this.policy.mayForceRenewal(now, this.lastForcedRenewal.get(), this.unaccepted.get())) {
			return this.current.get() != cached;
		}
		this.retired = cached.client;
		if (this.current.compareAndSet(cached, null)) {
			this.lastForcedRenewal.set(now);
			this.unaccepted.incrementAndGet();
			removeFromStore(rejected);
		}
		return true;
	}

	/**
	 * Takes note that the partner accepted a token, so renewals forced by 401 go back to
	 * their shortest interval. Cheap enough to call for every answer.
	 */
	public void accepted() {
		if (this.unaccepted.get() != 0) {
			this.unaccepted.set(0);
		}
	}

	/**
	 * Removes a rejected token from the store, unless the store already holds another one,
	 * which an instance sharing the store may have fetched meanwhile.
	 */
	private void removeFromStore(OAuth2AccessToken rejected) {
		this.store.<OAuth2AuthorizedClient>loadAuthorizedClient(this.partner, this.principal.getName())
			.filter((stored) -> sameToken(stored, rejected))
			.flatMap((stored) -> this.store.removeAuthorizedClient(this.partner, this.principal.getName()))
			.subscribe(null, (ex) -> logger.warn("Could not remove the rejected token of partner '" + this.partner
					+ "' from its store: " + describe(ex)));
	}

	/**
	 * Returns the state of the cached token and the fetch counts, without fetching.
	 * @return the state
	 */
	public TokenState state() {
		Cached cached = this.current.get();
		Failure failure = this.lastFailure;
		TokenState.Status status = (cached == null) ? ((this.retired != null || this.fetches.get() > 0)
				? TokenState.Status.EXPIRED : TokenState.Status.NONE)
				: (cached.isValidAt(this.clock.instant()) ? TokenState.Status.VALID : TokenState.Status.EXPIRED);
		return new TokenState(status, (cached != null) ? cached.client.getAccessToken().getExpiresAt() : null,
				(cached != null) ? cached.renewAt : null, this.fetches.get(), this.failures.get(),
				(failure != null) ? failure.description : null, (failure != null) ? failure.at : null,
				this.lastFetchFailed);
	}

	private void renewInBackground(Cached cached) {
		flight().subscribe(null, (ex) -> logger.warn("Background renewal of the token of partner '" + this.partner
				+ "' failed; its current token stays in use until " + cached.client.getAccessToken().getExpiresAt()
				+ ". " + describe(ex)));
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
		OAuth2AuthorizedClient previous = (cached != null) ? cached.client : this.retired;
		Instant now = this.clock.instant();
		return this.store.<OAuth2AuthorizedClient>loadAuthorizedClient(this.partner, this.principal.getName())
			.filter((stored) -> now.isBefore(this.policy.renewAt(stored.getAccessToken()))
					&& (previous == null || !sameToken(previous, stored.getAccessToken())))
			.switchIfEmpty(Mono.defer(() -> fetch(previous)))
			.map(this::adopt)
			.doOnError((ex) -> postpone(cached));
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

	private Mono<OAuth2AuthorizedClient> fetch(@Nullable OAuth2AuthorizedClient previous) {
		return this.fetcher.fetch(previous)
			.flatMap((fresh) -> this.store.saveAuthorizedClient(fresh, this.principal).thenReturn(fresh))
			.doOnNext((fresh) -> {
				this.fetches.incrementAndGet();
				this.lastFetchFailed = false;
			})
			.doOnError((ex) -> {
				this.failures.incrementAndGet();
				this.lastFailure = new Failure(describe(ex), this.clock.instant());
				this.lastFetchFailed = true;
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

	private Cached adopt(OAuth2AuthorizedClient client) {
		Cached cached = new Cached(client, this.policy.renewAt(client.getAccessToken()));
		this.current.set(cached);
		this.retired = null;
		return cached;
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

	private static final class Flight {

		private Mono<Cached> result = Mono.empty();

	}

}
