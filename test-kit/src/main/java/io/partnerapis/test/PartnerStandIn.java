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

package io.partnerapis.test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.test.standin.StandInServer;
import io.partnerapis.test.standin.StandInSettings;
import io.partnerapis.test.standin.StandInStubs;
import io.partnerapis.test.standin.TokenAuthority;
import org.assertj.core.api.AssertProvider;
import org.jspecify.annotations.Nullable;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * One partner's stand-in: a WireMock server on its own free loopback port whose token
 * endpoint speaks the partner's dialect exactly, and whose API answers every request
 * without a valid token the partner's 401, ahead of any stub a test adds. Stub and verify
 * the partner's API with WireMock's own DSL on {@link #server()}; script faults with the
 * methods that return this stand-in, such as {@link #revokeAllTokens()}, until
 * {@link #reset()}; assert with AssertJ's {@code assertThat(standIn)}.
 *
 * @since 0.1.0
 */
public final class PartnerStandIn implements AssertProvider<PartnerStandInAssert>, AutoCloseable {

	private final StandInServer standIn;

	private final TokenAuthority tokens;

	private final StandInStubs stubs;

	private final AtomicBoolean unauthorizedOnce = new AtomicBoolean();

	PartnerStandIn(StandInSettings settings, Clock clock) {
		this.standIn = StandInServer.start(settings, clock);
		this.tokens = this.standIn.tokens();
		this.stubs = this.standIn.stubs();
		try {
			this.stubs.interceptsApi("unauthorized once",
					(request) -> MatchResult.of(this.unauthorizedOnce.compareAndSet(true, false)),
					this.stubs.unauthorized());
		}
		catch (RuntimeException ex) {
			this.standIn.close();
			throw ex;
		}
	}

	/**
	 * Returns the partner's name.
	 * @return the name
	 */
	public String name() {
		return this.standIn.settings().partner();
	}

	/**
	 * Returns the provider whose dialect this stand-in speaks.
	 * @return such as {@code bud}, or {@code generic}
	 */
	public String provider() {
		return this.standIn.dialect().provider();
	}

	/**
	 * Returns the stand-in's WireMock server, to stub and verify the partner's API with
	 * WireMock's own DSL.
	 * @return the running server
	 */
	public WireMockServer server() {
		return this.standIn.server();
	}

	/**
	 * Returns the base URL of the stand-in's API.
	 * @return the base URL, on the loopback address
	 */
	public String baseUrl() {
		return this.standIn.baseUrl();
	}

	/**
	 * Returns the URI of the stand-in's token endpoint.
	 * @return the token URI
	 */
	public String tokenUri() {
		return this.standIn.tokenUri();
	}

	/**
	 * Returns the client id this stand-in accepts.
	 * @return the client id
	 */
	public String clientId() {
		return this.standIn.settings().clientId();
	}

	/**
	 * Returns the client secret this stand-in accepts.
	 * @return the secret, or {@code null} if the client authenticates otherwise
	 */
	public @Nullable String clientSecret() {
		return this.standIn.settings().clientSecret();
	}

	/**
	 * Returns the properties that point the partner at this stand-in: its token URI and
	 * base URL, and how the client authenticates when the stand-in decides it (the
	 * private key it generated for a {@code private-key-jwt} client whose key the
	 * configuration does not give).
	 * @return the properties, by full name
	 */
	public Map<String, Object> properties() {
		return this.standIn.properties();
	}

	/**
	 * Returns the token requests received since the last reset, accepted or not.
	 * @return the requests, in the order received
	 */
	public List<LoggedRequest> tokenRequests() {
		return this.standIn.tokenRequests();
	}

	/**
	 * Returns the access tokens issued since the last reset.
	 * @return the tokens, in issue order
	 */
	public List<String> issuedTokens() {
		return this.tokens.issuedTokens();
	}

	/**
	 * Returns whether this stand-in ever issued the given access token.
	 * @param accessToken the token
	 * @return whether it was issued here, before or since the last reset
	 */
	public boolean issued(String accessToken) {
		return this.tokens.hasIssued(accessToken);
	}

	/**
	 * Returns the API requests received since the last reset, answered or refused.
	 * @return the requests, in the order received
	 */
	public List<LoggedRequest> apiRequests() {
		return this.standIn.apiRequests();
	}

	/**
	 * Returns why this stand-in refused requests since the last reset, one reason per
	 * refusal, in the order received.
	 * @return the reasons, such as "missing or invalid bearer token" or "token request
	 * not as documented"
	 */
	public List<String> refusals() {
		return this.standIn.refusals();
	}

	/**
	 * Revokes every token issued so far: API requests carrying one are answered 401 from
	 * now on, as after a revocation by the partner. Tokens issued later are valid.
	 * @return this stand-in
	 */
	public PartnerStandIn revokeAllTokens() {
		this.tokens.revokeAll();
		return this;
	}

	/**
	 * Revokes every token issued so far once the given number of API calls carrying a
	 * valid token have been answered, counted from now.
	 * @param calls how many calls are answered before the revocation
	 * @return this stand-in
	 */
	public PartnerStandIn revokeAllTokensAfterApiCalls(int calls) {
		this.tokens.revokeAllAfterApiCalls(calls);
		return this;
	}

	/**
	 * Makes the token endpoint answer every token request with the given status and an
	 * OAuth2 error body until {@link #tokenEndpointRecovers()} or {@link #reset()}.
	 * @param status the HTTP status, such as 503 or 429
	 * @param retryAfter the {@code Retry-After} the answer carries, in whole seconds, or
	 * {@code null} for none
	 * @return this stand-in
	 */
	public PartnerStandIn tokenEndpointAnswers(int status, @Nullable Duration retryAfter) {
		String error = (status >= 500) ? "temporarily_unavailable"
				: (status == 401) ? "invalid_client" : "invalid_request";
		ResponseDefinitionBuilder answer = StandInStubs.json(status, "{\"error\":\"" + error + "\"}");
		if (retryAfter != null) {
			answer = answer.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
		}
		this.stubs.fault("token endpoint answers " + status, post(urlPathEqualTo(this.stubs.tokenPath())), answer);
		return this;
	}

	/**
	 * Makes the token endpoint answer every token request with the given status, without
	 * {@code Retry-After}.
	 * @param status the HTTP status
	 * @return this stand-in
	 * @see #tokenEndpointAnswers(int, Duration)
	 */
	public PartnerStandIn tokenEndpointAnswers(int status) {
		return tokenEndpointAnswers(status, null);
	}

	/**
	 * Ends a fault of the token endpoint that {@link #tokenEndpointAnswers} scripted;
	 * other scripted faults and the test's stubs stay.
	 * @return this stand-in
	 */
	public PartnerStandIn tokenEndpointRecovers() {
		server().getStubMappings()
			.stream()
			.filter((mapping) -> mapping.getName() != null && mapping.getName().contains("token endpoint answers"))
			.forEach(server()::removeStub);
		return this;
	}

	/**
	 * Makes every token response take the given time.
	 * @param delay the delay
	 * @return this stand-in
	 */
	public PartnerStandIn slowTokenEndpoint(Duration delay) {
		this.tokens.delayTokenResponses(delay);
		return this;
	}

	/**
	 * Makes the tokens issued from now on live for the given time, announced as their
	 * {@code expires_in}.
	 * @param lifetime the lifetime, in whole seconds on the wire
	 * @return this stand-in
	 */
	public PartnerStandIn tokensLive(Duration lifetime) {
		this.tokens.issueTokensLiving(lifetime);
		return this;
	}

	/**
	 * Answers the next API request with the partner's 401, whatever token it carries; the
	 * token stays valid.
	 * @return this stand-in
	 */
	public PartnerStandIn unauthorizedOnce() {
		this.unauthorizedOnce.set(true);
		return this;
	}

	/**
	 * Forgets the test's stubs, the scripted faults, the request journal and the list of
	 * tokens issued, without restarting the server. Tokens issued before stay valid until
	 * they expire, since the application may still hold them.
	 */
	public void reset() {
		this.unauthorizedOnce.set(false);
		this.stubs.removeTestStubs();
		this.tokens.reset();
		server().resetRequests();
	}

	/**
	 * Returns an AssertJ assertion on this stand-in; AssertJ's
	 * {@code assertThat(standIn)} calls it.
	 * @return the assertion
	 */
	@Override
	public PartnerStandInAssert assertThat() {
		return new PartnerStandInAssert(this);
	}

	/**
	 * Stops the server, then closes what the dialect registered, such as the file of a
	 * generated private key.
	 */
	@Override
	public void close() {
		this.standIn.close();
	}

	/**
	 * Returns whether the server is running.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.standIn.isRunning();
	}

	@Override
	public String toString() {
		return "PartnerStandIn[name=" + name() + ", provider=" + provider() + ", baseUrl=" + baseUrl() + "]";
	}

}
