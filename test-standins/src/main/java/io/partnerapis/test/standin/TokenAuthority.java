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

package io.partnerapis.test.standin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

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
 * still valid, and revokes them on request, which a WireMock stub cannot say. It takes
 * part in WireMock's matching through {@link #validBearer()} and
 * {@link #knownRefreshToken()}, and in its responses through its {@link #extensions()
 * extensions}.
 *
 * @since 0.1.0
 */
public final class TokenAuthority {

	/**
	 * Name of the transformer that issues a token into a token response.
	 */
	public static final String ISSUE = "partner-stand-in-issue-token";

	private static final String BEARER = "Bearer ";

	private final String partner;

	private final Duration defaultLifetime;

	private final BiFunction<Issued, Duration, String> responseBody;

	private final Clock clock;

	private final AtomicInteger issued = new AtomicInteger();

	private final AtomicInteger apiCalls = new AtomicInteger();

	private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

	private final List<String> issuedSinceReset = new CopyOnWriteArrayList<>();

	private volatile Duration lifetime;

	private volatile Duration delay = Duration.ZERO;

	private volatile int revokeAfterApiCalls;

	/**
	 * Creates an authority.
	 * @param partner the partner's name, used in token values
	 * @param lifetime how long each access token is valid unless
	 * {@link #issueTokensLiving(Duration)} says otherwise
	 * @param responseBody writes the JSON body of a token response in the partner's shape
	 * @param clock the clock to read the time from
	 */
	public TokenAuthority(String partner, Duration lifetime, BiFunction<Issued, Duration, String> responseBody,
			Clock clock) {
		this.partner = partner;
		this.defaultLifetime = lifetime;
		this.lifetime = lifetime;
		this.responseBody = responseBody;
		this.clock = clock;
	}

	/**
	 * Returns the WireMock extensions a stand-in server needs for this authority: a
	 * transformer that a stub names with
	 * {@code withTransformers(}{@value #ISSUE}{@code )} to write a fresh token into its
	 * response, and a global one that counts API calls carrying a valid token.
	 * @return the extensions
	 */
	public Extension[] extensions() {
		return new Extension[] { new IssueTransformer(), new ApiCallCounter() };
	}

	/**
	 * Matches requests whose bearer token this authority issued, and which has neither
	 * expired nor been revoked.
	 * @return the matcher
	 */
	public ValueMatcher<Request> validBearer() {
		return (request) -> MatchResult.of(isValid(bearer(request)));
	}

	/**
	 * Matches requests whose bearer token is missing, unknown, expired or revoked.
	 * @return the matcher
	 */
	public ValueMatcher<Request> invalidBearer() {
		return (request) -> MatchResult.of(!isValid(bearer(request)));
	}

	/**
	 * Matches requests whose {@code refresh_token} form parameter is one this authority
	 * issued and that was not used yet.
	 * @return the matcher
	 */
	public ValueMatcher<Request> knownRefreshToken() {
		return (request) -> MatchResult.of(this.refreshTokens.contains(formParameter(request, "refresh_token")));
	}

	/**
	 * Makes the tokens issued from now on live for the given time.
	 * @param lifetime the lifetime, also announced as {@code expires_in}
	 */
	public void issueTokensLiving(Duration lifetime) {
		this.lifetime = lifetime;
	}

	/**
	 * Makes every token response from now on take the given time.
	 * @param delay the delay
	 */
	public void delayTokenResponses(Duration delay) {
		this.delay = delay;
	}

	/**
	 * Revokes every access token issued so far; tokens issued later are valid.
	 */
	public void revokeAll() {
		this.revoked.addAll(this.accessTokens.keySet());
	}

	/**
	 * Revokes every access token issued so far once the given number of API calls
	 * carrying a valid token have been answered, counted from now.
	 * @param calls the number of calls, at least 1
	 */
	public void revokeAllAfterApiCalls(int calls) {
		this.apiCalls.set(0);
		this.revokeAfterApiCalls = calls;
	}

	/**
	 * Returns the access tokens issued since the last {@link #reset()}, in issue order.
	 * @return the tokens
	 */
	public List<String> issuedTokens() {
		return List.copyOf(this.issuedSinceReset);
	}

	/**
	 * Returns whether this authority ever issued the given access token, whether it is
	 * still valid or not.
	 * @param token the access token
	 * @return whether it was issued here
	 */
	public boolean hasIssued(@Nullable String token) {
		return token != null && this.accessTokens.containsKey(token);
	}

	/**
	 * Forgets the scripted lifetime, delay and revocations, and the list of tokens issued
	 * since the last reset. Tokens issued before stay valid until they expire, since the
	 * application under test may still hold them.
	 */
	public void reset() {
		this.lifetime = this.defaultLifetime;
		this.delay = Duration.ZERO;
		this.revokeAfterApiCalls = 0;
		this.apiCalls.set(0);
		this.revoked.clear();
		this.issuedSinceReset.clear();
	}

	private ResponseDefinition issue(ServeEvent event) {
		String usedRefreshToken = formParameter(event.getRequest(), "refresh_token");
		if (usedRefreshToken != null) {
			this.refreshTokens.remove(usedRefreshToken);
		}
		int number = this.issued.incrementAndGet();
		Issued token = new Issued(this.partner + "-token-" + number, this.partner + "-refresh-" + number);
		Duration tokenLifetime = this.lifetime;
		this.accessTokens.put(token.accessToken(), this.clock.instant().plus(tokenLifetime));
		this.refreshTokens.add(token.refreshToken());
		this.issuedSinceReset.add(token.accessToken());
		return ResponseDefinitionBuilder.like(event.getResponseDefinition())
			.but()
			.withBody(this.responseBody.apply(token, tokenLifetime))
			.withFixedDelay((int) this.delay.toMillis())
			.build();
	}

	private void countApiCall(Request request) {
		int revokeAfter = this.revokeAfterApiCalls;
		if (revokeAfter > 0 && isValid(bearer(request)) && this.apiCalls.incrementAndGet() == revokeAfter) {
			revokeAll();
		}
	}

	private boolean isValid(@Nullable String token) {
		Instant expiresAt = (token != null) ? this.accessTokens.get(token) : null;
		return expiresAt != null && !this.revoked.contains(token) && this.clock.instant().isBefore(expiresAt);
	}

	/**
	 * Returns the bearer token of a request.
	 * @param request the request
	 * @return the token, or {@code null} if the request carries none
	 */
	public static @Nullable String bearer(Request request) {
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
	public record Issued(String accessToken, String refreshToken) {

	}

	/**
	 * Writes a fresh token into the responses of the stubs that name it.
	 */
	private final class IssueTransformer implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			return issue(serveEvent);
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return ISSUE;
		}

	}

	/**
	 * Sees every answered request, before its answer is sent, to count API calls.
	 */
	private final class ApiCallCounter implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			countApiCall(serveEvent.getRequest());
			return serveEvent.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "partner-stand-in-api-calls";
		}

	}

}
