package io.partnerapis.sample.demo.standin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for one partner: a WireMock server on a free loopback port whose token
 * endpoint and API accept only requests shaped as the partner's document says, and answer
 * anything else as the partner would refuse it.
 *
 * <p>
 * Stubs come in three priorities: requests that follow the document (highest), specific
 * refusals, and two catch-alls that refuse every other token request with
 * {@code 401 invalid_client} and every other API request with the partner's 401 body.
 * Refusals are named so that {@link #rejected()} can count them.
 */
public final class StandIn implements AutoCloseable {

	private static final int ACCEPTED = 1;

	private static final int REFUSED = 5;

	private static final int TOKEN_CATCH_ALL = 9;

	private static final int API_CATCH_ALL = 10;

	private static final String REJECTED = "rejected: ";

	private final String partner;

	private final String tokenPath;

	private final String behaviour;

	private final TokenAuthority tokens;

	private final WireMockServer server;

	private final Map<String, String> clientProperties = new LinkedHashMap<>();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	/**
	 * Starts a stand-in with its two catch-all refusals.
	 * @param partner the partner's name
	 * @param tokenPath the path of the partner's token endpoint
	 * @param unauthorizedBody the JSON body of the partner's 401 answer to API calls
	 * @param behaviour what this stand-in does beyond following the document, in a few
	 * words
	 * @param tokens issues and checks the partner's tokens
	 */
	StandIn(String partner, String tokenPath, String unauthorizedBody, String behaviour, TokenAuthority tokens) {
		this.partner = partner;
		this.tokenPath = tokenPath;
		this.behaviour = behaviour;
		this.tokens = tokens;
		this.server = new WireMockServer(
				options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40).extensions(tokens.extensions()));
		this.server.start();
		refuse(TOKEN_CATCH_ALL, "token request not as documented", post(urlPathEqualTo(tokenPath)),
				json(401, "{\"error\":\"invalid_client\",\"error_description\":\"The request does not follow " + partner
						+ "'s token endpoint document\"}"));
		refuse(API_CATCH_ALL, "missing or invalid bearer token", any(anyUrl()), json(401, unauthorizedBody));
	}

	/**
	 * Makes clients authenticate with the given properties instead of the client secret,
	 * such as the location of a private key that signs client assertions.
	 * @param properties the properties, by name relative to {@code partner.apis.<name>.}
	 * @param closeable what to close when this stand-in stops, such as the private key's
	 * file
	 * @return this stand-in
	 */
	StandIn authenticatesClientsWith(Map<String, String> properties, AutoCloseable closeable) {
		this.clientProperties.putAll(properties);
		this.closeables.add(closeable);
		return this;
	}

	/**
	 * Accepts token requests that match the given pattern and answers them with a fresh
	 * token.
	 * @param request what a token request must look like
	 * @return this stand-in
	 */
	StandIn issuesTokensFor(MappingBuilder request) {
		return issuesTokensFor(request, 0);
	}

	/**
	 * Accepts token requests that match the given pattern and answers them with a fresh
	 * token, after a delay.
	 * @param request what a token request must look like
	 * @param delayMillis how long each token response takes
	 * @return this stand-in
	 */
	StandIn issuesTokensFor(MappingBuilder request, int delayMillis) {
		this.server.stubFor(request.atPriority(ACCEPTED)
			.willReturn(okJson("{}").withTransformers(TokenAuthority.ISSUE).withFixedDelay(delayMillis)));
		return this;
	}

	/**
	 * Accepts refresh-token requests that match the given pattern and carry a refresh
	 * token this stand-in issued and nobody used yet, and answers them with a fresh
	 * token.
	 * @param request what a refresh-token request must look like
	 * @return this stand-in
	 */
	StandIn renewsTokensFor(MappingBuilder request) {
		return issuesTokensFor(request.andMatching(this.tokens.knownRefreshToken()));
	}

	/**
	 * Answers API requests that match the given pattern and carry a valid bearer token.
	 * @param request what an API request must look like
	 * @param body the JSON body of the answer
	 * @return this stand-in
	 */
	StandIn serves(MappingBuilder request, String body) {
		this.server.stubFor(request.atPriority(ACCEPTED)
			.andMatching(this.tokens.validBearer())
			.willReturn(okJson(body).withTransformers(TokenAuthority.API_CALL)));
		return this;
	}

	/**
	 * Refuses requests that match the given pattern, ahead of the catch-alls.
	 * @param reason why such a request is refused
	 * @param request what the refused request looks like
	 * @param answer the answer
	 * @return this stand-in
	 */
	StandIn refuses(String reason, MappingBuilder request, ResponseDefinitionBuilder answer) {
		refuse(REFUSED, reason, request, answer);
		return this;
	}

	private void refuse(int priority, String reason, MappingBuilder request, ResponseDefinitionBuilder answer) {
		this.server.stubFor(request.atPriority(priority).withName(REJECTED + reason).willReturn(answer));
	}

	/**
	 * Returns a JSON answer of the given status.
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @return the answer
	 */
	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	/**
	 * Returns the partner's name.
	 * @return the name
	 */
	public String partner() {
		return this.partner;
	}

	/**
	 * Returns the client id this stand-in accepts.
	 * @return the client id
	 */
	public String clientId() {
		return "demo-" + this.partner;
	}

	/**
	 * Returns the client secret this stand-in accepts. A made-up value, only good for
	 * this stand-in.
	 * @return the client secret
	 */
	public String clientSecret() {
		return "demo-" + this.partner + "-secret";
	}

	/**
	 * Returns the properties with which clients authenticate instead of the client
	 * secret, if this stand-in wants any.
	 * @return the properties, by name relative to {@code partner.apis.<name>.}; empty
	 * when clients authenticate with the client secret
	 */
	public Map<String, String> clientProperties() {
		return Collections.unmodifiableMap(this.clientProperties);
	}

	/**
	 * Returns the base URL of the stand-in's API.
	 * @return the base URL, on the loopback address
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Returns the URI of the stand-in's token endpoint.
	 * @return the token URI
	 */
	public String tokenUri() {
		return baseUrl() + this.tokenPath;
	}

	/**
	 * Returns what this stand-in does beyond following the partner's document.
	 * @return a few words, such as "tokens live 4 s"
	 */
	public String behaviour() {
		return this.behaviour;
	}

	/**
	 * Returns the token requests this stand-in received, accepted or not.
	 * @return the requests, in the order received
	 */
	public List<LoggedRequest> tokenRequests() {
		return this.server.findAll(postRequestedFor(urlPathEqualTo(this.tokenPath)));
	}

	/**
	 * Returns how many API requests this stand-in received, accepted or not.
	 * @return the count
	 */
	public long apiRequests() {
		return this.server.getAllServeEvents()
			.stream()
			.filter((event) -> !event.getRequest().getUrl().startsWith(this.tokenPath))
			.count();
	}

	/**
	 * Returns the reasons of every request this stand-in refused, one per refusal, in the
	 * order received.
	 * @return the reasons, such as "missing or invalid bearer token"
	 */
	public List<String> rejected() {
		List<String> reasons = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			String name = (event.getStubMapping() != null) ? event.getStubMapping().getName() : null;
			if (name != null && name.startsWith(REJECTED)) {
				reasons.add(0, name.substring(REJECTED.length()));
			}
		}
		return reasons;
	}

	/**
	 * Returns whether the stand-in's server is running.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * Stops the stand-in's server, then closes what it was given to close.
	 */
	@Override
	public void close() {
		this.server.stop();
		for (AutoCloseable closeable : this.closeables) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing more to do when stopping
			}
		}
	}

	@Override
	public String toString() {
		return "StandIn[partner=" + this.partner + ", baseUrl=" + baseUrl() + "]";
	}

}
