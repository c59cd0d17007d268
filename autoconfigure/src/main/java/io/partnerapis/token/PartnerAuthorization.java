package io.partnerapis.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import io.partnerapis.PartnerApiException;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;
import io.partnerapis.UnauthorizedRetryOutcome;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * What every client of one partner asks of the token core, whatever its transport: a
 * token to attach, whether a request may go to a URI at all, and, after a 401
 * Unauthorized answer, whether to replay the request with another token. The WebClient
 * filter and the RestClient interceptor both decide through here, so the rules live in
 * one place:
 *
 * <ul>
 * <li>Tokens go only to the origin of the partner's base URL.</li>
 * <li>A rejected token is dropped only if it is still the current one, so many concurrent
 * 401s cause one renewal.</li>
 * <li>A renewal forced by a 401 happens at most once per
 * {@code unauthorized-renewal-interval}, doubling while no renewal is proved to cure a
 * 401 (see {@link RenewalPolicy#forcedRenewalInterval(int)}): only the rejected request
 * itself, accepted with the new token, brings the interval back to its base.</li>
 * <li>A 401 that may not force a renewal reads the token store: a valid token another
 * instance saved after the rejected one is taken into use, and the request replayed with
 * it, at no token's cost.</li>
 * <li>A 401 whose challenge says {@code insufficient_scope} never renews and is never
 * replayed.</li>
 * <li>No renewal is forced in the last 10 % of the partner's monthly token quota, which
 * are kept for renewals of expiring tokens.</li>
 * <li>A request is replayed once at most, only when its body can be sent again and
 * {@code retry-on-unauthorized} is on.</li>
 * </ul>
 * It also counts what became of the requests answered with 401, for metrics.
 *
 * @since 0.2.0
 */
public final class PartnerAuthorization {

	private static final Pattern INSUFFICIENT_SCOPE = Pattern.compile("\\berror\\s*=\\s*\"?insufficient_scope\\b",
			Pattern.CASE_INSENSITIVE);

	private final String partner;

	private final URI origin;

	private final PartnerTokenCache tokens;

	private final RenewalPolicy policy;

	private final boolean retryOnUnauthorized;

	private final Duration tokenWait;

	private final Clock clock;

	private final AtomicReference<@Nullable Instant> lastForcedRenewal = new AtomicReference<>();

	private final AtomicInteger unaccepted = new AtomicInteger();

	private final AtomicReference<@Nullable Rejection> uncured = new AtomicReference<>();

	private final Map<UnauthorizedRetryOutcome, AtomicLong> unauthorized = new EnumMap<>(
			UnauthorizedRetryOutcome.class);

	/**
	 * Creates the authorization of one partner.
	 * @param partner the partner's name
	 * @param baseUrl the partner's base URL, whose origin alone receives its tokens
	 * @param tokens the partner's token cache
	 * @param policy decides when a 401 may force a renewal
	 * @param retryOnUnauthorized whether a request answered with 401 is replayed
	 * @param clock the clock to read the time from
	 * @param tokenWait the longest a blocking caller waits for a token being fetched
	 */
	PartnerAuthorization(String partner, URI baseUrl, PartnerTokenCache tokens, RenewalPolicy policy,
			boolean retryOnUnauthorized, Clock clock, Duration tokenWait) {
		this.partner = partner;
		this.origin = origin(baseUrl);
		this.tokens = tokens;
		this.policy = policy;
		this.retryOnUnauthorized = retryOnUnauthorized;
		this.clock = clock;
		this.tokenWait = tokenWait;
		for (UnauthorizedRetryOutcome outcome : UnauthorizedRetryOutcome.values()) {
			this.unauthorized.put(outcome, new AtomicLong());
		}
	}

	/**
	 * Returns the partner's name.
	 * @return the name
	 */
	public String partner() {
		return this.partner;
	}

	/**
	 * Returns the longest a blocking caller waits for a token that is being fetched: the
	 * token requests with their retries, the store lease of the fetch and the store calls
	 * around it.
	 * @return the wait
	 */
	public Duration tokenWait() {
		return this.tokenWait;
	}

	/**
	 * Returns whether requests answered with 401 may be replayed, so that clients keep a
	 * copy of request bodies only when they may need it.
	 * @return whether {@code retry-on-unauthorized} is on
	 */
	public boolean replaysUnauthorized() {
		return this.retryOnUnauthorized;
	}

	/**
	 * Returns a valid token: the cached one, or one fetched once for every concurrent
	 * caller that found none.
	 * @return the token
	 */
	public Mono<OAuth2AccessToken> token() {
		return this.tokens.token();
	}

	/**
	 * Refuses a request to any origin other than the partner's, before anything is sent.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param client the kind of client, such as {@code WebClient}, for the message
	 * @throws PartnerApiException if the URI is not on the partner's origin
	 */
	public void checkOrigin(String method, URI uri, String client) {
		if (!isPartnerOrigin(uri)) {
			throw new PartnerApiException("Partner '" + this.partner + "' " + client + " refused a " + method
					+ " request to " + origin(uri) + ": its tokens are only sent to " + this.origin
					+ ", the origin of 'partner.apis." + this.partner + ".base-url'. Use a relative URI, or another "
					+ client + " for other hosts.");
		}
	}

	/**
	 * Decides what to do about a request the partner answered with 401 Unauthorized, and
	 * drops the rejected token if a renewal may be forced now. A 401 whose
	 * {@code WWW-Authenticate} challenge carries {@code error="insufficient_scope"} (RFC
	 * 6750 section 3.1) neither renews nor replays: a new token with the same scopes
	 * cannot help.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param rejected the token the request carried
	 * @param challenge the answer's {@code WWW-Authenticate} header, or {@code null}
	 * @param replayable whether the request's body can be sent again
	 * @return whether to replay the request once with the token {@link #token()} gives
	 * next
	 */
	public boolean unauthorized(String method, URI uri, OAuth2AccessToken rejected, @Nullable String challenge,
			boolean replayable) {
		if (isInsufficientScope(challenge)) {
			if (this.retryOnUnauthorized) {
				count(UnauthorizedRetryOutcome.SKIPPED);
			}
			return false;
		}
		boolean renewed = renew(method, uri, rejected);
		if (!this.retryOnUnauthorized) {
			return false;
		}
		if (!renewed || !replayable) {
			count(UnauthorizedRetryOutcome.SKIPPED);
			return false;
		}
		return true;
	}

	/**
	 * Decides as {@link #unauthorized} does and returns the token to replay the request
	 * with, if any: the next token when the rejected one was dropped or replaced. When no
	 * renewal may be forced now, the store is read instead: a valid token another
	 * instance saved after the rejected one is taken into use and the request replayed
	 * with it, at no token's cost; otherwise, or when replays are off, nothing is
	 * replayed (with replays off, a stored successor is still taken into use for the next
	 * calls).
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param rejected the token the request carried
	 * @param challenge the answer's {@code WWW-Authenticate} header, or {@code null}
	 * @param replayable whether the request's body can be sent again
	 * @return the token to replay the request with once, or empty to give the 401 back
	 */
	public Mono<OAuth2AccessToken> replayToken(String method, URI uri, OAuth2AccessToken rejected,
			@Nullable String challenge, boolean replayable) {
		if (isInsufficientScope(challenge)) {
			unauthorized(method, uri, rejected, challenge, replayable);
			return Mono.empty();
		}
		boolean renewed = renew(method, uri, rejected);
		if (renewed) {
			return replays(replayable) ? token() : Mono.empty();
		}
		Mono<OAuth2AccessToken> successor = this.tokens.storedSuccessor(rejected);
		if (!replays(replayable)) {
			successor.subscribe();
			return Mono.empty();
		}
		return successor.switchIfEmpty(Mono.fromRunnable(() -> count(UnauthorizedRetryOutcome.SKIPPED)));
	}

	/**
	 * Returns whether a request whose 401 found another token is replayed, counting one
	 * that is not, though replays are on, as skipped.
	 */
	private boolean replays(boolean replayable) {
		if (this.retryOnUnauthorized && !replayable) {
			count(UnauthorizedRetryOutcome.SKIPPED);
		}
		return this.retryOnUnauthorized && replayable;
	}

	private static boolean isInsufficientScope(@Nullable String challenge) {
		return challenge != null && INSUFFICIENT_SCOPE.matcher(challenge).find();
	}

	/**
	 * Takes note of the answer to a replayed request. A replay of the request whose 401
	 * forced the last renewal, accepted with the new token, proves that the renewal cured
	 * it, so renewals forced by 401 go back to their shortest interval; the replay of any
	 * other request proves nothing about it.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param token the token the replay carried
	 * @param unauthorized whether the replay was answered with 401 too
	 */
	public void replayAnswered(String method, URI uri, OAuth2AccessToken token, boolean unauthorized) {
		if (unauthorized) {
			count(UnauthorizedRetryOutcome.FAILED);
		}
		else {
			count(UnauthorizedRetryOutcome.RECOVERED);
			accepted(method, uri, token);
		}
	}

	/**
	 * Takes note that a replayed request failed without an answer.
	 */
	public void replayFailed() {
		count(UnauthorizedRetryOutcome.FAILED);
	}

	/**
	 * Takes note that the partner accepted a request. Only the request whose 401 forced
	 * the last renewal, accepted with another token, proves that the renewal cured it and
	 * brings renewals forced by 401 back to their shortest interval; an answer to any
	 * other request does not, so an endpoint that always answers 401 beside endpoints
	 * that accept the same token cannot force a renewal every interval. Cheap enough to
	 * call for every answer.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param token the token the request carried
	 */
	public void accepted(String method, URI uri, OAuth2AccessToken token) {
		Rejection rejection = this.uncured.get();
		if (rejection != null && rejection.isCuredBy(method, uri, token)) {
			cured();
		}
	}

	private void cured() {
		this.uncured.set(null);
		if (this.unaccepted.get() != 0) {
			this.unaccepted.set(0);
		}
	}

	/**
	 * Returns whether a request answered with 401 will find another token: either this
	 * call dropped the rejected one, or it was already replaced.
	 */
	private boolean renew(String method, URI uri, OAuth2AccessToken rejected) {
		if (!this.tokens.isCurrent(rejected)) {
			return true;
		}
		Instant now = this.clock.instant();
		if (!this.policy.mayForceRenewal(now, this.lastForcedRenewal.get(), this.unaccepted.get())
				|| !this.tokens.mayForceRenewal()) {
			return !this.tokens.isCurrent(rejected);
		}
		if (this.tokens.invalidate(rejected)) {
			this.lastForcedRenewal.set(now);
			this.unaccepted.incrementAndGet();
			this.uncured.set(new Rejection(method, uri.getRawPath(), rejected.getTokenValue()));
		}
		return true;
	}

	/**
	 * Returns the state of the partner's token, without fetching one.
	 * @return the state
	 */
	public TokenState state() {
		return this.tokens.state();
	}

	/**
	 * Returns the partner's monthly token quota and this month's count, without I/O.
	 * @return the quota state
	 */
	public TokenQuota quota() {
		return this.tokens.quota();
	}

	/**
	 * Returns how many requests answered with 401 Unauthorized ended with the given
	 * outcome.
	 * @param outcome the outcome
	 * @return the count since start-up
	 */
	public long unauthorizedCount(UnauthorizedRetryOutcome outcome) {
		return this.unauthorized.get(outcome).get();
	}

	private void count(UnauthorizedRetryOutcome outcome) {
		this.unauthorized.get(outcome).incrementAndGet();
	}

	/**
	 * Returns whether the given URI is on the partner's origin, the only one its tokens
	 * are sent to: the scheme and host of its base URL, and its port, explicit or the
	 * scheme's default.
	 * @param uri the URI
	 * @return whether the URI is on the partner's origin
	 */
	public boolean isPartnerOrigin(URI uri) {
		return this.origin.getScheme().equalsIgnoreCase(uri.getScheme())
				&& this.origin.getHost().equalsIgnoreCase(uri.getHost())
				&& this.origin.getPort() == port(uri.getScheme(), uri.getPort());
	}

	private static URI origin(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return URI.create(scheme + "://" + host + ":" + port(scheme, uri.getPort()));
	}

	private static int port(@Nullable String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : ("http".equalsIgnoreCase(scheme) ? 80 : -1);
	}

	@Override
	public String toString() {
		return "PartnerAuthorization[partner=" + this.partner + ", origin=" + this.origin + "]";
	}

	/**
	 * The request whose 401 forced the last renewal, until a renewal is proved to cure
	 * it.
	 */
	private record Rejection(String method, @Nullable String path, String tokenValue) {

		boolean isCuredBy(String method, URI uri, OAuth2AccessToken token) {
			return this.method.equals(method) && Objects.equals(this.path, uri.getRawPath())
					&& !this.tokenValue.equals(token.getTokenValue());
		}

		@Override
		public String toString() {
			return "Rejection[" + this.method + " " + this.path + "]";
		}

	}

}
