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

package io.partnerapis.restclient;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.partnerapis.PartnerTokenException;
import io.partnerapis.token.PartnerAuthorization;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * {@link ClientHttpRequestInterceptor} that attaches a partner's bearer token to every
 * request as the partner's {@link PartnerAuthorization} decides: only on its
 * {@linkplain PartnerAuthorization#checkOrigin origin}, and with one
 * {@linkplain #intercept replay} of a request answered with 401. Add it last, so that it
 * is the innermost interceptor: no other one sees the token, and a replay does not run
 * them twice. For example:
 *
 * <pre class="code">
 * RestClient restClient = RestClient.builder()
 *     .baseUrl("https://api.acme.example")
 *     .requestInterceptor(new PartnerAuthorizationInterceptor(authorization))
 *     .build();
 * </pre>
 *
 * @since 0.2.0
 */
public final class PartnerAuthorizationInterceptor implements ClientHttpRequestInterceptor {

	private static final String CLIENT = "RestClient";

	private final PartnerAuthorization authorization;

	private final Duration tokenWait;

	private volatile @Nullable BearerHeader lastHeader;

	/**
	 * Creates a new interceptor.
	 * @param authorization the partner's authorization
	 */
	public PartnerAuthorizationInterceptor(PartnerAuthorization authorization) {
		this.authorization = authorization;
		this.tokenWait = authorization.tokenWait();
	}

	/**
	 * Sends the request with the partner's token. A caller that finds no valid token
	 * waits for the one fetch all callers share, at most
	 * {@link PartnerAuthorization#tokenWait()}, and only on a thread that may block. A
	 * request answered with 401 is replayed once when
	 * {@link PartnerAuthorization#replayToken} gives a token for it; the replay's answer
	 * goes back as it is.
	 * @param request the request
	 * @param body the request's body
	 * @param execution the rest of the chain
	 * @return the answer
	 * @throws IOException when sending fails or the wait for a token is interrupted
	 */
	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		this.authorization.checkOrigin(request, CLIENT);
		OAuth2AccessToken current = token();
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, bearer(current));
		ClientHttpResponse response = execution.execute(request, body);
		if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
			this.authorization.accepted(request, current);
			return response;
		}
		String challenge = response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
		OAuth2AccessToken fresh;
		try {
			fresh = await(this.authorization.replayToken(request, current, challenge));
		}
		catch (IOException | RuntimeException ex) {
			response.close();
			this.authorization.replayFailed();
			throw ex;
		}
		if (fresh == null) {
			return response;
		}
		response.close();
		ClientHttpResponse replayed;
		try {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, bearer(fresh));
			replayed = execution.execute(request, body);
		}
		catch (IOException | RuntimeException ex) {
			this.authorization.replayFailed();
			throw ex;
		}
		this.authorization.replayAnswered(request, fresh, replayed.getStatusCode());
		return replayed;
	}

	/**
	 * Returns the {@code Authorization} header value for the token, built once per token
	 * rather than on every call.
	 * @param token the token to send
	 * @return {@code Bearer} followed by the token's value
	 */
	private String bearer(OAuth2AccessToken token) {
		BearerHeader header = this.lastHeader;
		if (header == null || header.token != token) {
			header = new BearerHeader(token, "Bearer " + token.getTokenValue());
			this.lastHeader = header;
		}
		return header.value;
	}

	/**
	 * Returns the partner's token: at once when it is cached, otherwise after waiting for
	 * the shared fetch.
	 * @return the partner's current token
	 * @throws IOException when the fetch failed with a checked exception or the wait was
	 * interrupted
	 */
	private OAuth2AccessToken token() throws IOException {
		OAuth2AccessToken token = this.authorization.currentToken();
		if (token == null) {
			token = await(this.authorization.token());
		}
		if (token == null) {
			throw new IllegalStateException("Partner '" + this.authorization.partner() + "' gave no token");
		}
		return token;
	}

	/**
	 * Returns the token the given source gives, or {@code null} when it gives none: at
	 * once when it is there (a token, or the failure of a back-off), otherwise after
	 * waiting for it, on a future rather than Reactor's {@code block}, so that a wait
	 * that runs out is told apart from a failed fetch and a thread that must not block is
	 * refused only when it would.
	 * @param token the partner's token, as the cache gives it
	 * @return the token, or {@code null} when the source completes without one
	 * @throws IOException when the fetch failed with a checked exception or the wait was
	 * interrupted
	 */
	private @Nullable OAuth2AccessToken await(Mono<OAuth2AccessToken> token) throws IOException {
		CompletableFuture<OAuth2AccessToken> future = token.toFuture();
		if (!future.isDone() && Schedulers.isInNonBlockingThread()) {
			future.cancel(false);
			throw new IllegalStateException("Partner '" + this.authorization.partner() + "' " + CLIENT
					+ " cannot wait for a token on thread " + Thread.currentThread().getName()
					+ ", which must not block; use the partner's WebClient there.");
		}
		try {
			return future.get(this.tokenWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IOException(cause);
		}
		catch (TimeoutException ex) {
			future.cancel(false);
			throw new PartnerTokenException(this.authorization.partner(), null,
					new OAuth2Error(PartnerTokenException.TOKEN_ENDPOINT_UNREACHABLE, "Token endpoint unreachable",
							null),
					"Partner '" + this.authorization.partner() + "' " + CLIENT + " got no token within "
							+ this.tokenWait + ", the longest a token fetch may take with its retries and store lease",
					null);
		}
		catch (InterruptedException ex) {
			future.cancel(false);
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException(
					"Interrupted while waiting for a token of partner '" + this.authorization.partner() + "'");
			interrupted.initCause(ex);
			throw interrupted;
		}
	}

	@Override
	public String toString() {
		return "PartnerAuthorizationInterceptor[partner=" + this.authorization.partner() + "]";
	}

	/**
	 * The {@code Authorization} header value of the token last sent. Not a record, so
	 * that no {@code toString()} can show the token.
	 */
	private static final class BearerHeader {

		private final OAuth2AccessToken token;

		private final String value;

		BearerHeader(OAuth2AccessToken token, String value) {
			this.token = token;
			this.value = value;
		}

	}

}
