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

package io.partnerapis.webclient;

import java.net.URI;
import java.util.Map;

import io.partnerapis.PartnerApiException;
import io.partnerapis.token.PartnerAuthorization;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
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
 * as the partner's {@link PartnerAuthorization} decides: only on its
 * {@linkplain PartnerAuthorization#checkOrigin origin}, and with one {@linkplain #filter
 * replay} of a request answered with 401. Add it last, so that it is the innermost
 * filter. For example:
 *
 * <pre class="code">
 * WebClient webClient = WebClient.builder()
 *     .baseUrl("https://api.acme.example")
 *     .filter(new PartnerAuthorizationFilter(authorization))
 *     .build();
 * </pre>
 *
 * @since 0.1.0
 */
public final class PartnerAuthorizationFilter implements ExchangeFilterFunction {

	private static final String CLIENT = "WebClient";

	private final PartnerAuthorization authorization;

	/**
	 * Creates a new filter.
	 * @param authorization the partner's authorization
	 */
	public PartnerAuthorizationFilter(PartnerAuthorization authorization) {
		this.authorization = authorization;
	}

	/**
	 * Sends the request with the partner's token, looked up on every subscription so that
	 * a resubscription gets one that is valid then. A request answered with 401 is
	 * replayed once, with the same bytes, when {@link PartnerAuthorization#replayToken}
	 * gives a token for it, never one whose body cannot be sent again; the replay's
	 * answer goes back as it is.
	 * @param request the request
	 * @param next the next exchange function in the chain
	 * @return the answer
	 */
	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		SentRequest sent = new SentRequest(request);
		try {
			this.authorization.checkOrigin(sent, CLIENT);
		}
		catch (PartnerApiException ex) {
			return Mono.error(ex);
		}
		Mono<OAuth2AccessToken> token = Mono.defer(this.authorization::token);
		if (!this.authorization.replaysUnauthorized()) {
			return token.flatMap((current) -> next.exchange(authorized(request, current, request.body()))
				.flatMap((response) -> answered(sent, next, current, null, response)));
		}
		BodyInserter<?, ? super ClientHttpRequest> empty = emptyBody();
		if (request.body() == empty) {
			return token.flatMap((current) -> next.exchange(authorized(request, current, empty))
				.flatMap((response) -> answered(sent, next, current, empty, response)));
		}
		return token.flatMap((current) -> {
			RecordingBodyInserter body = new RecordingBodyInserter(request.body());
			return next.exchange(authorized(request, current, body))
				.flatMap((response) -> answered(sent, next, current, body.isReplayable() ? body.replay() : null,
						response));
		});
	}

	/**
	 * Returns the inserter of a request without a body, the same instance every time:
	 * asked for per request rather than kept in a constant, so that creating the filter
	 * at start-up does not initialize {@link BodyInserters}, whose reactive adapters
	 * initialize Reactor's {@code Flux} (some two hundred classes), a cost the first
	 * request pays anyway.
	 * @return the empty body inserter
	 */
	private static BodyInserter<?, ? super ClientHttpRequest> emptyBody() {
		return BodyInserters.empty();
	}

	private Mono<ClientResponse> answered(SentRequest sent, ExchangeFunction next, OAuth2AccessToken current,
			@Nullable BodyInserter<?, ? super ClientHttpRequest> replayBody, ClientResponse response) {
		if (!isUnauthorized(response)) {
			this.authorization.accepted(sent, current);
			return Mono.just(response);
		}
		String challenge = response.headers().asHttpHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
		if (replayBody == null) {
			this.authorization.unauthorized(sent, current, challenge);
			return Mono.just(response);
		}
		return this.authorization.replayToken(sent, current, challenge)
			.onErrorResume((ex) -> response.releaseBody().then(Mono.error(ex)))
			.flatMap((fresh) -> response.releaseBody()
				.then(next.exchange(authorized(sent.request, fresh, replayBody)))
				.doOnNext((replayed) -> this.authorization.replayAnswered(sent, fresh, replayed.statusCode())))
			.doOnError((ex) -> this.authorization.replayFailed())
			.switchIfEmpty(Mono.just(response));
	}

	private static boolean isUnauthorized(ClientResponse response) {
		return response.statusCode().value() == HttpStatus.UNAUTHORIZED.value();
	}

	private static ClientRequest authorized(ClientRequest request, OAuth2AccessToken token,
			BodyInserter<?, ? super ClientHttpRequest> body) {
		return ClientRequest.from(request)
			.headers((headers) -> headers.setBearerAuth(token.getTokenValue()))
			.body(body)
			.build();
	}

	@Override
	public String toString() {
		return "PartnerAuthorizationFilter[partner=" + this.authorization.partner() + "]";
	}

	/**
	 * A {@link ClientRequest} as the {@link HttpRequest} the partner's authorization
	 * decides about.
	 */
	private static final class SentRequest implements HttpRequest {

		private final ClientRequest request;

		SentRequest(ClientRequest request) {
			this.request = request;
		}

		@Override
		public HttpMethod getMethod() {
			return this.request.method();
		}

		@Override
		public URI getURI() {
			return this.request.url();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.request.attributes();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.request.headers();
		}

	}

}
