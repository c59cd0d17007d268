package io.partnerapis.webclient;

import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.partnerapis.PartnerApiException;
import io.partnerapis.token.cache.PartnerTokenCache;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * {@link ExchangeFilterFunction} that attaches a partner's bearer token to every request
 * and recovers from 401 Unauthorized.
 *
 * <ul>
 * <li>A request to an origin other than the partner's base URL is refused before anything
 * is sent, so a token never leaves for another host.</li>
 * <li>On a 401 answer the token that was used is reported to the {@link PartnerTokenCache},
 * which drops it if it is still the current one; the answer's body is released and the
 * request is replayed once, with the same bytes, with the token the cache gives next.
 * The replay's answer goes back to the caller as it is: there is never a loop.</li>
 * <li>A request whose body cannot be sent again is not replayed, and neither is one whose
 * token the cache cannot replace yet; the caller gets the 401. With
 * {@code retry-on-unauthorized} off, rejected tokens are still dropped, but nothing is
 * replayed.</li>
 * <li>The token is looked up on every subscription, so a filter or operator that
 * resubscribes later gets a token that is valid then.</li>
 * </ul>
 *
 * @author partner-apis
 */
public final class PartnerAuthorizationFilter implements ExchangeFilterFunction {

	private static final BodyInserter<?, ? super ClientHttpRequest> EMPTY_BODY = BodyInserters.empty();

	private final String partner;

	private final URI origin;

	private final PartnerTokenCache tokens;

	private final boolean retryOnUnauthorized;

	private final Map<UnauthorizedRetryOutcome, AtomicLong> unauthorized = new EnumMap<>(
			UnauthorizedRetryOutcome.class);

	/**
	 * Creates a new filter.
	 * @param partner the partner's name
	 * @param baseUrl the partner's base URL, whose origin alone receives its tokens
	 * @param tokens the partner's token cache
	 * @param retryOnUnauthorized whether a request answered with 401 is replayed
	 */
	public PartnerAuthorizationFilter(String partner, URI baseUrl, PartnerTokenCache tokens,
			boolean retryOnUnauthorized) {
		this.partner = partner;
		this.origin = origin(baseUrl);
		this.tokens = tokens;
		this.retryOnUnauthorized = retryOnUnauthorized;
		for (UnauthorizedRetryOutcome outcome : UnauthorizedRetryOutcome.values()) {
			this.unauthorized.put(outcome, new AtomicLong());
		}
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!isPartnerOrigin(request.url())) {
			return Mono.error(new PartnerApiException("Partner '" + this.partner + "' WebClient refused a "
					+ request.method() + " request to " + origin(request.url()) + ": its tokens are only sent to "
					+ this.origin + ", the origin of 'partner.apis." + this.partner
					+ ".base-url'. Use a relative URI, or another WebClient for other hosts."));
		}
		Mono<OAuth2AccessToken> token = Mono.defer(this.tokens::token);
		if (!this.retryOnUnauthorized) {
			return token.flatMap((current) -> next.exchange(authorized(request, current, request.body()))
				.doOnNext((response) -> {
					if (isUnauthorized(response)) {
						this.tokens.rejected(current);
					}
					else {
						this.tokens.accepted();
					}
				}));
		}
		if (request.body() == EMPTY_BODY) {
			return token.flatMap((current) -> next.exchange(authorized(request, current, EMPTY_BODY))
				.flatMap((response) -> isUnauthorized(response)
						? recover(request, next, current, EMPTY_BODY, response) : accepted(response)));
		}
		return token.flatMap((current) -> {
			RecordingBodyInserter body = new RecordingBodyInserter(request.body());
			return next.exchange(authorized(request, current, body))
				.flatMap((response) -> isUnauthorized(response)
						? recover(request, next, current, body.isReplayable() ? body.replay() : null, response)
						: accepted(response));
		});
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

	private Mono<ClientResponse> recover(ClientRequest request, ExchangeFunction next, OAuth2AccessToken rejected,
			@Nullable BodyInserter<?, ? super ClientHttpRequest> replayBody, ClientResponse response) {
		boolean renewed = this.tokens.rejected(rejected);
		if (!renewed || replayBody == null) {
			count(UnauthorizedRetryOutcome.SKIPPED);
			return Mono.just(response);
		}
		return response.releaseBody()
			.then(Mono.defer(this.tokens::token))
			.flatMap((fresh) -> next.exchange(authorized(request, fresh, replayBody)))
			.doOnNext((replayed) -> {
				if (isUnauthorized(replayed)) {
					count(UnauthorizedRetryOutcome.FAILED);
				}
				else {
					count(UnauthorizedRetryOutcome.RECOVERED);
					this.tokens.accepted();
				}
			})
			.doOnError((ex) -> count(UnauthorizedRetryOutcome.FAILED));
	}

	private Mono<ClientResponse> accepted(ClientResponse response) {
		this.tokens.accepted();
		return Mono.just(response);
	}

	private static boolean isUnauthorized(ClientResponse response) {
		return response.statusCode().value() == HttpStatus.UNAUTHORIZED.value();
	}

	private void count(UnauthorizedRetryOutcome outcome) {
		this.unauthorized.get(outcome).incrementAndGet();
	}

	private static ClientRequest authorized(ClientRequest request, OAuth2AccessToken token,
			BodyInserter<?, ? super ClientHttpRequest> body) {
		return ClientRequest.from(request)
			.headers((headers) -> headers.setBearerAuth(token.getTokenValue()))
			.body(body)
			.build();
	}

	private boolean isPartnerOrigin(URI uri) {
		return this.origin.getScheme().equalsIgnoreCase(uri.getScheme())
				&& this.origin.getHost().equalsIgnoreCase(uri.getHost())
				&& this.origin.getPort() == port(uri.getScheme(), uri.getPort());
	}

	private static URI origin(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return URI.create(scheme + "://" + host + ":" + port(scheme, uri.getPort()));
	}

	private static int port(String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : ("http".equalsIgnoreCase(scheme) ? 80 : -1);
	}

	@Override
	public String toString() {
		return "PartnerAuthorizationFilter[partner=" + this.partner + ", origin=" + this.origin + "]";
	}

}
