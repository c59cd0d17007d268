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

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The stubs of one stand-in, in priorities that put the partner's rules around the stubs
 * a test adds with WireMock's own DSL (WireMock's default priority, 5): scripted
 * {@linkplain #fault faults} first, then accepted token requests and the
 * {@linkplain #guardsApi API guards}, then {@linkplain #refuses refusals} of token
 * requests, and last a catch-all that refuses every other token request. Refusals are
 * named so that {@link #refusals(List)} can tell them apart, and
 * {@link #removeTestStubs()} keeps the partner's rules only.
 *
 * @since 0.1.0
 */
public final class StandInStubs {

	/**
	 * Priority of scripted faults, which win over everything.
	 */
	private static final int FAULT = 1;

	/**
	 * Priority of token requests that follow the partner's document, and of the API
	 * guards: a request whose bearer token is missing, unknown, expired or revoked is
	 * answered with the partner's 401 before any test stub sees it.
	 */
	private static final int ACCEPTED = 2;

	/**
	 * Priority of specific refusals of token requests.
	 */
	private static final int REFUSED = 3;

	/**
	 * Priority of the catch-all that refuses every other token request with
	 * {@code 401 invalid_client}.
	 */
	private static final int TOKEN_CATCH_ALL = 4;

	private static final String REJECTED = "rejected: ";

	private static final String ROLE = "partnerStandIn";

	private static final String FAULT_ROLE = "fault";

	private final WireMockServer server;

	private final String tokenPath;

	private final TokenAuthority tokens;

	private final String unauthorizedBody;

	private final Map<String, String> clientProperties = new LinkedHashMap<>();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	/**
	 * Adds the catch-all refusal of token requests and the API guard to a server.
	 * @param partner the partner's name
	 * @param server the stand-in's server
	 * @param tokenPath the path of the partner's token endpoint
	 * @param tokens issues and checks the partner's tokens
	 * @param unauthorizedBody the JSON body of the partner's 401 answer to API calls
	 */
	public StandInStubs(String partner, WireMockServer server, String tokenPath, TokenAuthority tokens,
			String unauthorizedBody) {
		this.server = server;
		this.tokenPath = tokenPath;
		this.tokens = tokens;
		this.unauthorizedBody = unauthorizedBody;
		refuse(TOKEN_CATCH_ALL, "token request not as documented", post(urlPathEqualTo(tokenPath)),
				json(401, "{\"error\":\"invalid_client\",\"error_description\":\"The request does not follow " + partner
						+ "'s token endpoint document\"}"));
		guardsApi("missing or invalid bearer token", any(anyUrl()), tokens.invalidBearer(), unauthorized());
	}

	/**
	 * Returns the path of the partner's token endpoint.
	 * @return the path
	 */
	public String tokenPath() {
		return this.tokenPath;
	}

	/**
	 * Returns the authority that issues and checks the partner's tokens.
	 * @return the authority
	 */
	public TokenAuthority tokens() {
		return this.tokens;
	}

	/**
	 * Accepts token requests that match the given pattern and answers them with a fresh
	 * token.
	 * @param request what a token request must look like
	 * @return these stubs
	 */
	public StandInStubs issuesTokensFor(MappingBuilder request) {
		add(request.atPriority(ACCEPTED), okJson("{}").withTransformers(TokenAuthority.ISSUE), "accepted");
		return this;
	}

	/**
	 * Accepts refresh-token requests that match the given pattern and carry a refresh
	 * token this stand-in issued and nobody used yet, and answers them with a fresh
	 * token.
	 * @param request what a refresh-token request must look like
	 * @return these stubs
	 */
	public StandInStubs renewsTokensFor(MappingBuilder request) {
		return issuesTokensFor(request.andMatching(this.tokens.knownRefreshToken()));
	}

	/**
	 * Refuses token requests that match the given pattern, ahead of the catch-all.
	 * @param reason why such a request is refused
	 * @param request what the refused request looks like
	 * @param answer the answer
	 * @return these stubs
	 */
	public StandInStubs refuses(String reason, MappingBuilder request, ResponseDefinitionBuilder answer) {
		refuse(REFUSED, reason, request, answer);
		return this;
	}

	/**
	 * Refuses API requests that match the given pattern, ahead of the test's own stubs.
	 * @param reason why such a request is refused
	 * @param request what the refused request looks like, without a custom matcher;
	 * requests to the token endpoint never match
	 * @param when what else the request must satisfy, evaluated only for API requests
	 * that match the pattern
	 * @param answer the answer
	 * @return these stubs
	 */
	public StandInStubs guardsApi(String reason, MappingBuilder request, ValueMatcher<Request> when,
			ResponseDefinitionBuilder answer) {
		refuse(ACCEPTED, reason, request.andMatching(apiRequestThat(when)), answer);
		return this;
	}

	/**
	 * Refuses API requests that satisfy a condition ahead of everything else, scripted
	 * faults included. The stub stays after {@link #removeTestStubs()}; the condition
	 * decides when it applies.
	 * @param reason why such a request is refused
	 * @param when what the request must satisfy, evaluated only for API requests
	 * @param answer the answer
	 * @return these stubs
	 */
	public StandInStubs interceptsApi(String reason, ValueMatcher<Request> when, ResponseDefinitionBuilder answer) {
		refuse(FAULT, reason, any(anyUrl()).andMatching(apiRequestThat(when)), answer);
		return this;
	}

	private ValueMatcher<Request> apiRequestThat(ValueMatcher<Request> when) {
		return (request) -> isTokenRequest(request.getUrl()) ? MatchResult.noMatch() : when.match(request);
	}

	/**
	 * Adds a scripted fault, ahead of everything else, until {@link #removeTestStubs()}.
	 * @param reason what the fault is, as {@link #refusals(List)} reports it
	 * @param request the requests it answers
	 * @param answer the answer
	 * @return the stub, to remove it earlier
	 */
	public StubMapping fault(String reason, MappingBuilder request, ResponseDefinitionBuilder answer) {
		return add(request.atPriority(FAULT).withName(REJECTED + reason), answer, FAULT_ROLE);
	}

	/**
	 * Makes clients authenticate with the given properties instead of the client secret,
	 * such as the location of a private key that signs client assertions.
	 * @param properties the properties, by name relative to {@code partner.apis.<name>.}
	 * @param closeable what to close when the stand-in stops, such as the private key's
	 * file
	 * @return these stubs
	 */
	public StandInStubs authenticatesClientsWith(Map<String, String> properties, AutoCloseable closeable) {
		this.clientProperties.putAll(properties);
		this.closeables.add(closeable);
		return this;
	}

	/**
	 * Returns the properties with which clients authenticate instead of their
	 * configuration, if the stand-in wants any.
	 * @return the properties, by name relative to {@code partner.apis.<name>.}
	 */
	public Map<String, String> clientProperties() {
		return Map.copyOf(this.clientProperties);
	}

	/**
	 * Returns what to close when the stand-in stops.
	 * @return the closeables
	 */
	public List<AutoCloseable> closeables() {
		return List.copyOf(this.closeables);
	}

	/**
	 * Returns the partner's 401 answer to an API request.
	 * @return the answer
	 */
	public ResponseDefinitionBuilder unauthorized() {
		return json(401, this.unauthorizedBody);
	}

	/**
	 * Returns whether a request URL is the token endpoint's.
	 * @param url the URL as WireMock logs it, path and query
	 * @return whether it is a token request
	 */
	public boolean isTokenRequest(String url) {
		return this.tokenPath.equals(URI.create(url).getPath());
	}

	/**
	 * Removes every stub a test added, and every scripted fault, keeping the partner's
	 * rules, which it tells apart by the metadata every stub added here carries.
	 */
	public void removeTestStubs() {
		for (StubMapping mapping : this.server.getStubMappings()) {
			Metadata metadata = mapping.getMetadata();
			if (metadata == null || !metadata.containsKey(ROLE) || FAULT_ROLE.equals(metadata.getString(ROLE))) {
				this.server.removeStub(mapping);
			}
		}
	}

	/**
	 * Returns the reasons of the refusals among the given stub names.
	 * @param stubNames the names of the stubs that answered requests, in order
	 * @return the reasons of those that refused, in the same order
	 */
	public static List<String> refusals(List<String> stubNames) {
		return stubNames.stream()
			.filter((name) -> name != null && name.startsWith(REJECTED))
			.map((name) -> name.substring(REJECTED.length()))
			.toList();
	}

	private void refuse(int priority, String reason, MappingBuilder request, ResponseDefinitionBuilder answer) {
		add(request.atPriority(priority).withName(REJECTED + reason), answer, "refused");
	}

	private StubMapping add(MappingBuilder request, ResponseDefinitionBuilder answer, String role) {
		return this.server.stubFor(request.withMetadata(Metadata.metadata().attr(ROLE, role)).willReturn(answer));
	}

	/**
	 * Returns a JSON answer of the given status.
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @return the answer
	 */
	public static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
