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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A running stand-in of one partner: a WireMock server on its own free loopback port
 * whose token endpoint speaks the partner's {@link Dialect} and whose API answers every
 * request without a valid token with the partner's 401, ahead of any stub added with
 * WireMock's own DSL on {@link #server()}. The test kit's {@code PartnerStandIn} adds
 * scripted faults and assertions on top; a test or a program without the kit uses this
 * class directly.
 *
 * @since 0.1.0
 */
public final class StandInServer implements AutoCloseable {

	private final StandInSettings settings;

	private final Dialect dialect;

	private final TokenAuthority tokens;

	private final WireMockServer server;

	private final StandInStubs stubs;

	private final String baseUrl;

	private StandInServer(StandInSettings settings, Clock clock) {
		this.settings = settings;
		this.dialect = Dialect.of(settings.provider());
		this.tokens = this.dialect.tokenAuthority(settings.partner(), clock);
		this.server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.containerThreads(40)
			.extensions(this.tokens.extensions()));
		this.server.start();
		this.baseUrl = "http://127.0.0.1:" + this.server.port();
		try {
			this.stubs = this.dialect.stubs(settings.partner(), this.server, this.tokens);
			this.dialect.installOn(this.stubs, settings, tokenUri(), clock);
		}
		catch (RuntimeException ex) {
			this.server.stop();
			throw ex;
		}
	}

	/**
	 * Starts a stand-in that accepts the given settings' credentials, with the system
	 * clock.
	 * @param settings the partner's settings
	 * @return the running stand-in
	 */
	public static StandInServer start(StandInSettings settings) {
		return start(settings, Clock.systemUTC());
	}

	/**
	 * Starts a stand-in that accepts the given settings' credentials.
	 * @param settings the partner's settings
	 * @param clock the clock that decides when tokens and client assertions expire
	 * @return the running stand-in
	 */
	public static StandInServer start(StandInSettings settings, Clock clock) {
		return new StandInServer(settings, clock);
	}

	/**
	 * Returns the settings the stand-in was started with.
	 * @return the settings
	 */
	public StandInSettings settings() {
		return this.settings;
	}

	/**
	 * Returns the dialect the stand-in speaks.
	 * @return the dialect
	 */
	public Dialect dialect() {
		return this.dialect;
	}

	/**
	 * Returns the WireMock server, to stub and verify the partner's API with WireMock's
	 * own DSL.
	 * @return the running server
	 */
	public WireMockServer server() {
		return this.server;
	}

	/**
	 * Returns the authority that issues, checks and revokes the partner's tokens.
	 * @return the authority
	 */
	public TokenAuthority tokens() {
		return this.tokens;
	}

	/**
	 * Returns the stand-in's stubs, to add refusals and faults in the partner's manner.
	 * @return the stubs
	 */
	public StandInStubs stubs() {
		return this.stubs;
	}

	/**
	 * Returns the base URL of the stand-in's API.
	 * @return the base URL, on the loopback address
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Returns the URI of the stand-in's token endpoint.
	 * @return the token URI
	 */
	public String tokenUri() {
		return this.baseUrl + this.dialect.tokenPath();
	}

	/**
	 * Returns the properties that point the partner at this stand-in: its token URI and
	 * base URL, and how the client authenticates when the stand-in decides it (the
	 * private key it generated for a {@code private-key-jwt} client whose key the
	 * settings do not give). Credentials are the settings' business.
	 * @return the properties, by full name
	 */
	public Map<String, Object> properties() {
		String prefix = "partner.apis." + this.settings.partner() + ".";
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(prefix + "token-uri", tokenUri());
		properties.put(prefix + "base-url", baseUrl());
		this.stubs.clientProperties().forEach((key, value) -> properties.put(prefix + key, value));
		return properties;
	}

	/**
	 * Returns the token requests in the journal, accepted or not.
	 * @return the requests, in the order received
	 */
	public List<LoggedRequest> tokenRequests() {
		return this.server.findAll(postRequestedFor(urlPathEqualTo(this.dialect.tokenPath())));
	}

	/**
	 * Returns the API requests in the journal, answered or refused.
	 * @return the requests, in the order received
	 */
	public List<LoggedRequest> apiRequests() {
		return events().stream()
			.map(ServeEvent::getRequest)
			.filter((request) -> !this.stubs.isTokenRequest(request.getUrl()))
			.map(LoggedRequest::createFrom)
			.toList();
	}

	/**
	 * Returns why this stand-in refused the requests in the journal, one reason per
	 * refusal, in the order received.
	 * @return the reasons, such as "missing or invalid bearer token" or "token request
	 * not as documented"
	 */
	public List<String> refusals() {
		List<String> names = new ArrayList<>();
		for (ServeEvent event : events()) {
			names.add((event.getStubMapping() != null) ? event.getStubMapping().getName() : null);
		}
		return StandInStubs.refusals(names);
	}

	private List<ServeEvent> events() {
		List<ServeEvent> events = new ArrayList<>(this.server.getAllServeEvents());
		Collections.reverse(events);
		return events;
	}

	/**
	 * Returns whether the server is running.
	 * @return whether it is running
	 */
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * Stops the server, then closes what the dialect registered, such as the file of a
	 * generated private key.
	 */
	@Override
	public void close() {
		this.server.stop();
		for (AutoCloseable closeable : this.stubs.closeables()) {
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
		return "StandInServer[partner=" + this.settings.partner() + ", provider=" + this.dialect.provider()
				+ ", baseUrl=" + this.baseUrl + "]";
	}

}
