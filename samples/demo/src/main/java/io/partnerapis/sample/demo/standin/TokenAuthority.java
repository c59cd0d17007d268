package io.partnerapis.sample.demo.standin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;

/**
 * The token-keeping half of a stand-in: issues access and refresh tokens, knows which are
 * still valid, and revokes one after a given number of API calls. WireMock stubs declare
 * what a request must look like; this class adds what WireMock cannot say in a stub,
 * namely whether a token is one it issued and has not expired or revoked.
 *
 * <p>
 * It takes part in WireMock's matching through {@link #validBearer()} and
 * {@link #knownRefreshToken()}, and in its responses through two transformers a stub
 * names with {@code withTransformers(...)}: {@value #ISSUE} writes a fresh token into the
 * response, {@value #API_CALL} counts served API calls.
 */
final class TokenAuthority {

	/**
	 * Name of the transformer that issues a token into a token response.
	 */
	static final String ISSUE = "issue-token";

	/**
	 * Name of the transformer that counts served API calls.
	 */
	static final String API_CALL = "api-call";

	private static final String BEARER = "Bearer ";

	private final String partner;

	private final Duration lifetime;

	private final int revokeAfterCalls;

	private final BiFunction<Issued, Duration, String> responseBody;

	private final Clock clock;

	private final AtomicInteger issued = new AtomicInteger();

	private final AtomicInteger apiCalls = new AtomicInteger();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

	/**
	 * Creates an authority.
	 * @param partner the partner's name, used in token values
	 * @param lifetime how long each access token is valid
	 * @param revokeAfterCalls the API call after which the token it used is revoked, or 0
	 * to never revoke
	 * @param responseBody writes the JSON body of a token response in the partner's shape
	 * @param clock the clock to read the time from
	 */
	TokenAuthority(String partner, Duration lifetime, int revokeAfterCalls,
			BiFunction<Issued, Duration, String> responseBody, Clock clock) {
		this.partner = partner;
		this.lifetime = lifetime;
		this.revokeAfterCalls = revokeAfterCalls;
		this.responseBody = responseBody;
		this.clock = clock;
	}

	/**
	 * Returns the WireMock extensions a stand-in server needs for this authority.
	 * @return the extensions
	 */
	Extension[] extensions() {
		return new Extension[] { new Transformer(ISSUE, this::issue), new Transformer(API_CALL, this::apiCall) };
	}

	/**
	 * Matches requests whose bearer token this authority issued, and which has neither
	 * expired nor been revoked.
	 * @return the matcher
	 */
	ValueMatcher<Request> validBearer() {
		return (request) -> MatchResult.of(isValid(bearer(request)));
	}

	/**
	 * Matches requests whose {@code refresh_token} form parameter is one this authority
	 * issued and that was not used yet.
	 * @return the matcher
	 */
	ValueMatcher<Request> knownRefreshToken() {
		return (request) -> MatchResult.of(this.refreshTokens.contains(formParameter(request, "refresh_token")));
	}

	/**
	 * Returns how long each access token is valid.
	 * @return the lifetime
	 */
	Duration lifetime() {
		return this.lifetime;
	}

	private ResponseDefinition issue(ServeEvent event) {
		String usedRefreshToken = formParameter(event.getRequest(), "refresh_token");
		if (usedRefreshToken != null) {
			this.refreshTokens.remove(usedRefreshToken);
		}
		int number = this.issued.incrementAndGet();
		Issued token = new Issued(this.partner + "-token-" + number, this.partner + "-refresh-" + number);
		this.accessTokens.put(token.accessToken(), this.clock.instant().plus(this.lifetime));
		this.refreshTokens.add(token.refreshToken());
		return ResponseDefinitionBuilder.like(event.getResponseDefinition())
			.but()
			.withBody(this.responseBody.apply(token, this.lifetime))
			.build();
	}

	private ResponseDefinition apiCall(ServeEvent event) {
		if (this.apiCalls.incrementAndGet() == this.revokeAfterCalls) {
			this.accessTokens.remove(bearer(event.getRequest()));
		}
		return event.getResponseDefinition();
	}

	private boolean isValid(@Nullable String token) {
		Instant expiresAt = (token != null) ? this.accessTokens.get(token) : null;
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

	private static @Nullable String bearer(Request request) {
		String authorization = request.getHeader("Authorization");
		return (authorization != null && authorization.startsWith(BEARER)) ? authorization.substring(BEARER.length())
				: null;
	}

	/**
	 * Returns the first value of a form parameter of a form-encoded request.
	 * @param request the request
	 * @param name the parameter's name
	 * @return the value, or {@code null} if the request is not a form or has no such
	 * parameter
	 */
	static @Nullable String formParameter(Request request, String name) {
		if (!"application/x-www-form-urlencoded".equals(request.contentTypeHeader().mimeTypePart())) {
			return null;
		}
		FormParameter parameter = request.formParameter(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	/**
	 * A token pair as issued.
	 *
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 */
	record Issued(String accessToken, String refreshToken) {

	}

	/**
	 * A named WireMock transformer that only applies to stubs that name it.
	 */
	private static final class Transformer implements ResponseDefinitionTransformerV2 {

		private final String name;

		private final Function<ServeEvent, ResponseDefinition> transform;

		Transformer(String name, Function<ServeEvent, ResponseDefinition> transform) {
			this.name = name;
			this.transform = transform;
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			return this.transform.apply(serveEvent);
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return this.name;
		}

	}

}
