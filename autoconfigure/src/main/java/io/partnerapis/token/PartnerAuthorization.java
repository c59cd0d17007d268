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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;

import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerApiException;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * What every client of one partner asks of the token core, whatever its transport: a
 * token to attach, whether a request may go to a URI (only the partner's origin), and,
 * after a 401 Unauthorized answer, whether to replay it once with another token. A 401
 * forces a renewal at most as often as {@link RenewalPolicy#mayForceRenewal} allows and
 * the monthly quota's reserve permits; otherwise a newer token another instance stored is
 * taken into use. A challenge of {@code insufficient_scope} neither renews nor replays.
 * It counts what became of the requests answered with 401, for metrics.
 *
 * @since 0.2.0
 */
public final class PartnerAuthorization implements AutoCloseable {

	private static final Pattern INSUFFICIENT_SCOPE = Pattern.compile("\\berror\\s*=\\s*\"?insufficient_scope\\b",
			Pattern.CASE_INSENSITIVE);

	private final PartnerOrigin origin;

	private final PartnerTokenCache tokens;

	private final ForcedRenewals forcedRenewals;

	private final boolean retryOnUnauthorized;

	private final Duration tokenWait;

	private final AtomicLongArray unauthorized = new AtomicLongArray(UnauthorizedRetryOutcome.values().length);

	PartnerAuthorization(PartnerOrigin origin, PartnerTokenCache tokens, RenewalPolicy policy, Clock clock,
			boolean retryOnUnauthorized, Duration tokenWait) {
		this.origin = origin;
		this.tokens = tokens;
		this.forcedRenewals = new ForcedRenewals(policy, clock);
		this.retryOnUnauthorized = retryOnUnauthorized;
		this.tokenWait = tokenWait;
	}

	/**
	 * Returns the partner's name.
	 * @return the name
	 */
	public String partner() {
		return this.origin.partner();
	}

	/**
	 * Returns the longest a blocking caller waits for a token being fetched, as
	 * {@link TokenWait} computes it.
	 * @return the wait
	 */
	public Duration tokenWait() {
		return this.tokenWait;
	}

	/**
	 * Returns whether requests answered with 401 may be replayed, so that clients keep a
	 * copy of request bodies only then.
	 * @return whether {@code retry-on-unauthorized} is on
	 */
	public boolean replaysUnauthorized() {
		return this.retryOnUnauthorized;
	}

	/**
	 * Returns a valid token: the cached one, or one fetched once for all who need it.
	 * @return the token
	 */
	public Mono<OAuth2AccessToken> token() {
		return this.tokens.token();
	}

	/**
	 * Returns the cached token if it is valid, without waiting or subscribing to
	 * anything: what a blocking client tries before it waits for {@link #token()}.
	 * @return the token, or {@code null} when a caller has to wait for one
	 */
	public @Nullable OAuth2AccessToken currentToken() {
		return this.tokens.peek();
	}

	/**
	 * Refuses a request to any origin other than the partner's, before anything is sent.
	 * @param request the request
	 * @param client the kind of client, such as {@code WebClient}, for the message
	 * @throws PartnerApiException if the URI is not on the partner's origin
	 */
	public void checkOrigin(HttpRequest request, String client) {
		this.origin.check(request.getMethod().name(), request.getURI(), client);
	}

	/**
	 * Returns whether the given URI is on the partner's origin, which alone gets tokens.
	 * @param uri the URI
	 * @return whether the URI is on the partner's origin
	 */
	public boolean isPartnerOrigin(URI uri) {
		return this.origin.contains(uri);
	}

	/**
	 * Decides about a request answered with 401 whose body can be sent again, and returns
	 * the token to replay it with once: the next token when the rejected one was dropped
	 * or already replaced, else a newer token another instance stored. When none, or when
	 * replays are off, the 401 goes back as it is.
	 * @param request the request
	 * @param rejected the token the request carried
	 * @param challenge the answer's {@code WWW-Authenticate} header, or {@code null}
	 * @return the token to replay the request with, or empty
	 */
	public Mono<OAuth2AccessToken> replayToken(HttpRequest request, OAuth2AccessToken rejected,
			@Nullable String challenge) {
		return decide(request, rejected, challenge, true);
	}

	/**
	 * Decides about a request answered with 401 whose body cannot be sent again: as
	 * {@link #replayToken} does, for the calls that follow, without a replay.
	 * @param request the request
	 * @param rejected the token the request carried
	 * @param challenge the answer's {@code WWW-Authenticate} header, or {@code null}
	 */
	public void unauthorized(HttpRequest request, OAuth2AccessToken rejected, @Nullable String challenge) {
		decide(request, rejected, challenge, false);
	}

	private Mono<OAuth2AccessToken> decide(HttpRequest request, OAuth2AccessToken rejected, @Nullable String challenge,
			boolean replayable) {
		boolean replay = this.retryOnUnauthorized && replayable;
		if (challenge != null && INSUFFICIENT_SCOPE.matcher(challenge).find()) {
			skipped();
			return Mono.empty();
		}
		if (renew(request, rejected)) {
			if (!replay) {
				skipped();
			}
			return replay ? token() : Mono.empty();
		}
		Mono<OAuth2AccessToken> successor = this.tokens.storedSuccessor(rejected);
		if (!replay) {
			skipped();
			successor.subscribe();
			return Mono.empty();
		}
		return successor.switchIfEmpty(Mono.fromRunnable(this::skipped));
	}

	/**
	 * Takes note of the answer to a replayed request, counted as recovered or failed.
	 * @param request the request
	 * @param token the token the replay carried
	 * @param status the replay's answer status
	 */
	public void replayAnswered(HttpRequest request, OAuth2AccessToken token, HttpStatusCode status) {
		if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
			count(UnauthorizedRetryOutcome.FAILED);
		}
		else {
			count(UnauthorizedRetryOutcome.RECOVERED);
			accepted(request, token);
		}
	}

	/**
	 * Takes note that a replayed request failed without an answer.
	 */
	public void replayFailed() {
		count(UnauthorizedRetryOutcome.FAILED);
	}

	/**
	 * Takes note that the partner accepted a request, which may prove that the last
	 * renewal a 401 forced cured it. Cheap enough to call for every answer.
	 * @param request the request
	 * @param token the token the request carried
	 */
	public void accepted(HttpRequest request, OAuth2AccessToken token) {
		this.forcedRenewals.accepted(request, token);
	}

	/**
	 * Returns whether a request answered with 401 will find another token: this call
	 * dropped the rejected one, or it was already replaced.
	 * @param request the request the partner rejected
	 * @param rejected the token the request carried
	 * @return whether retrying the request will send another token
	 */
	private boolean renew(HttpRequest request, OAuth2AccessToken rejected) {
		if (!this.tokens.isCurrent(rejected)) {
			return true;
		}
		if (!this.forcedRenewals.mayForce() || !this.tokens.quota().mayForceRenewal()) {
			return !this.tokens.isCurrent(rejected);
		}
		if (this.tokens.invalidate(rejected)) {
			this.forcedRenewals.forced(request, rejected);
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
		return this.tokens.quota().state();
	}

	/**
	 * Returns how many requests answered with 401 ended with the given outcome.
	 * @param outcome the outcome
	 * @return the count since start-up
	 */
	public long unauthorizedCount(UnauthorizedRetryOutcome outcome) {
		return this.unauthorized.get(outcome.ordinal());
	}

	private void skipped() {
		if (this.retryOnUnauthorized) {
			count(UnauthorizedRetryOutcome.SKIPPED);
		}
	}

	private void count(UnauthorizedRetryOutcome outcome) {
		this.unauthorized.incrementAndGet(outcome.ordinal());
	}

	/**
	 * Stops the partner's token handling listening to its store.
	 */
	@Override
	public void close() {
		this.tokens.close();
	}

	@Override
	public String toString() {
		return "PartnerAuthorization[partner=" + partner() + ", origin=" + this.origin + "]";
	}

}
