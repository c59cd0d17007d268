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

package io.partnerapis.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

import org.springframework.http.HttpHeaders;

/**
 * One partner played by a Reactor Netty server on a random loopback port: a token
 * endpoint that hands out {@code tok-1}, {@code tok-2}, ... and an API that answers 200
 * to a bearer token it issued that is neither expired nor revoked, and 401 to anything
 * else. It counts what it actually received, so scenarios report the server's numbers,
 * not the clients'.
 *
 * <p>
 * The server runs on event loops of its own, apart from the clients' shared Reactor Netty
 * resources, so closing a client's application context never touches it.
 */
final class LoopbackPartner implements AutoCloseable {

	static final String TOKEN_PATH = "/oauth/token";

	static final String API_PATH = "/api/things";

	static final String STATIC_TOKEN = "static-token";

	static final String CLIENT_ID = "bench-client";

	static final String CLIENT_SECRET = "bench-secret";

	static final String API_BODY = "{\"things\":[{\"id\":1,\"name\":\"thing\"}]}";

	private static final long STATIC_TOKEN_LIFETIME_NANOS = Duration.ofDays(365).toNanos();

	private final LoopResources loops = LoopResources.create("bench-partner", 1, 2, true);

	private final DisposableServer server;

	private final Map<String, Long> validUntil = new ConcurrentHashMap<>();

	private final AtomicLong issued = new AtomicLong();

	private final AtomicLong tokenRequests = new AtomicLong();

	private final AtomicLong apiAnswered = new AtomicLong();

	private final AtomicLong apiUnauthorized = new AtomicLong();

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile long tokenLifetimeSeconds = 3600;

	private volatile Duration unauthorizedDelay = Duration.ZERO;

	/**
	 * Starts the partner on a random port of 127.0.0.1.
	 */
	LoopbackPartner() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.post(TOKEN_PATH, this::token).get(API_PATH, this::api))
			.bindNow();
		restoreStaticToken();
	}

	/**
	 * Returns the base URL of the partner's API, which is also the host of its token
	 * endpoint.
	 * @return the base URL
	 */
	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Returns the URI of the token endpoint.
	 * @return the token URI
	 */
	String tokenUri() {
		return baseUrl() + TOKEN_PATH;
	}

	/**
	 * Sets how long the token endpoint takes to answer.
	 * @param delay the delay
	 */
	void tokenDelay(Duration delay) {
		this.tokenDelay = delay;
	}

	/**
	 * Sets the lifetime of the tokens issued from now on, which is also their
	 * {@code expires_in}.
	 * @param seconds the lifetime in seconds
	 */
	void tokenLifetimeSeconds(long seconds) {
		this.tokenLifetimeSeconds = seconds;
	}

	/**
	 * Sets how long the API takes to answer 401, as a partner across a real network does,
	 * so that many calls are in flight before the first 401 comes back.
	 * @param delay the delay
	 */
	void unauthorizedDelay(Duration delay) {
		this.unauthorizedDelay = delay;
	}

	/**
	 * Revokes every token issued so far, the static one included: the API answers 401 to
	 * each from now on.
	 */
	void revokeAll() {
		this.validUntil.clear();
	}

	/**
	 * Makes the static token, which the plain WebClient sends, valid again.
	 */
	void restoreStaticToken() {
		this.validUntil.put(STATIC_TOKEN, System.nanoTime() + STATIC_TOKEN_LIFETIME_NANOS);
	}

	/**
	 * Sets every count back to zero.
	 */
	void resetCounts() {
		this.tokenRequests.set(0);
		this.apiAnswered.set(0);
		this.apiUnauthorized.set(0);
	}

	/**
	 * Returns how many token requests arrived since the last reset.
	 * @return the count
	 */
	long tokenRequests() {
		return this.tokenRequests.get();
	}

	/**
	 * Returns how many API requests were answered since the last reset.
	 * @return the count
	 */
	long apiRequests() {
		return this.apiAnswered.get();
	}

	/**
	 * Returns how many API requests were answered with 401 since the last reset.
	 * @return the count
	 */
	long apiUnauthorized() {
		return this.apiUnauthorized.get();
	}

	private Publisher<Void> token(HttpServerRequest request, HttpServerResponse response) {
		this.tokenRequests.incrementAndGet();
		Duration delay = this.tokenDelay;
		Mono<Void> wait = delay.isZero() ? Mono.empty() : Mono.delay(delay).then();
		return request.receive()
			.then(wait)
			.then(Mono.defer(() -> response.header(HttpHeaders.CONTENT_TYPE, "application/json")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.sendString(Mono.just(issue()))
				.then()));
	}

	private String issue() {
		String token = "tok-" + this.issued.incrementAndGet();
		long lifetime = this.tokenLifetimeSeconds;
		this.validUntil.put(token, System.nanoTime() + Duration.ofSeconds(lifetime).toNanos());
		return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime + "}";
	}

	private Publisher<Void> api(HttpServerRequest request, HttpServerResponse response) {
		this.apiAnswered.incrementAndGet();
		if (isValid(request.requestHeaders().get(HttpHeaders.AUTHORIZATION))) {
			return response.header(HttpHeaders.CONTENT_TYPE, "application/json").sendString(Mono.just(API_BODY));
		}
		this.apiUnauthorized.incrementAndGet();
		Duration delay = this.unauthorizedDelay;
		Mono<Void> wait = delay.isZero() ? Mono.empty() : Mono.delay(delay).then();
		return wait.then(Mono.defer(() -> response.status(401)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.sendString(Mono.just("{\"error\":\"invalid_token\"}"))
			.then()));
	}

	private boolean isValid(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return false;
		}
		Long until = this.validUntil.get(authorization.substring(7));
		return until != null && System.nanoTime() - until < 0;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
