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

package io.partnerapis.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.RequestFormat;
import io.partnerapis.observation.DefaultTokenFetchObservationConvention;
import io.partnerapis.observation.TokenFetchContext;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.observation.TokenFetchObservationDocumentation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.json.JsonWriter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * {@link ReactiveOAuth2AccessTokenResponseClient} that speaks each partner's
 * token-endpoint dialect as its {@link TokenEndpoint} describes: a form or JSON body, and
 * token fields at the top level or wrapped, which Spring Security's own clients cannot
 * both vary. Parameters and headers come from Spring Security's converters, so client
 * authentication follows the registration as Spring Security's clients do. Each request
 * is observed, bounded by the response timeout and retried as
 * {@link #exchangeWithRetries} says.
 *
 * @param <T> the grant request type
 */
final class PartnerTokenResponseClient<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements ReactiveOAuth2AccessTokenResponseClient<T> {

	private static final int MAX_BODY_BYTES = 64 * 1024;

	/**
	 * Security's converters of a grant request, shared by every partner since they keep
	 * no state but their settings: one for the parameters, and one headers converter per
	 * value of {@code encode-client-credentials}.
	 */
	private static final Converter<AbstractOAuth2AuthorizationGrantRequest, MultiValueMap<String, String>> PARAMETERS = new DefaultOAuth2TokenRequestParametersConverter<>();

	private static final Converter<AbstractOAuth2AuthorizationGrantRequest, HttpHeaders> ENCODED_CREDENTIALS_HEADERS = headersConverter(
			true);

	private static final Converter<AbstractOAuth2AuthorizationGrantRequest, HttpHeaders> RAW_CREDENTIALS_HEADERS = headersConverter(
			false);

	private final Converter<AbstractOAuth2AuthorizationGrantRequest, HttpHeaders> headersConverter;

	private final WebClient webClient;

	private final TokenEndpoint endpoint;

	private final TokenResponseReader reader;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TokenFetchObservationConvention observationConvention;

	private final @Nullable ClientAssertionSigner assertionSigner;

	/**
	 * Creates a new client.
	 * @param webClient the WebClient that sends token requests, with no partner filter
	 * @param endpoint how the partner's endpoint is spoken to
	 * @param registration the partner's client registration
	 * @param observationRegistry the registry to observe each request in
	 * @param observationConvention a convention that replaces the default one, or
	 * {@code null}
	 * @param assertionSigner the signer of the client's assertions where it authenticates
	 * with a JWT, else {@code null}
	 */
	PartnerTokenResponseClient(WebClient webClient, TokenEndpoint endpoint, ClientRegistration registration,
			ObservationRegistry observationRegistry, @Nullable TokenFetchObservationConvention observationConvention,
			@Nullable ClientAssertionSigner assertionSigner) {
		this.webClient = webClient;
		this.assertionSigner = assertionSigner;
		this.endpoint = endpoint;
		this.headersConverter = endpoint.request().encodeClientCredentials() ? ENCODED_CREDENTIALS_HEADERS
				: RAW_CREDENTIALS_HEADERS;
		this.reader = new TokenResponseReader(endpoint, registration.getClientId(), registration.getClientSecret());
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	private static Converter<AbstractOAuth2AuthorizationGrantRequest, HttpHeaders> headersConverter(
			boolean encodeClientCredentials) {
		DefaultOAuth2TokenRequestHeadersConverter<AbstractOAuth2AuthorizationGrantRequest> converter = new DefaultOAuth2TokenRequestHeadersConverter<>();
		converter.setEncodeClientCredentials(encodeClientCredentials);
		return converter;
	}

	@Override
	public Mono<OAuth2AccessTokenResponse> getTokenResponse(T grantRequest) {
		return Mono.defer(() -> {
			TokenFetchContext context = new TokenFetchContext(this.endpoint.partner(), this.endpoint.provider(),
					grantRequest.getGrantType().getValue(),
					grantRequest.getClientRegistration().getClientAuthenticationMethod().getValue());
			Observation observation = TokenFetchObservationDocumentation.TOKEN_FETCH
				.observation(this.observationConvention, DefaultTokenFetchObservationConvention.INSTANCE, () -> context,
						this.observationRegistry)
				.start();
			return exchangeWithRetries(grantRequest).doOnError(observation::error)
				.doOnTerminate(observation::stop)
				.doOnCancel(observation::stop)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * Sends a token request, retried with back-off and jitter when it failed on the
	 * endpoint's side (5xx, no connection, timeout), never after a 4xx answer.
	 * @param grantRequest the grant request
	 * @return the partner's token response
	 */
	private Mono<OAuth2AccessTokenResponse> exchangeWithRetries(T grantRequest) {
		return Mono.defer(() -> exchange(grantRequest))
			.timeout(this.endpoint.retries().responseTimeout())
			.onErrorMap((ex) -> !(ex instanceof PartnerTokenException), (ex) -> unreachable(grantRequest, ex))
			.retryWhen(Retry.backoff(this.endpoint.retries().maxRetries(), this.endpoint.retries().backoff())
				.jitter(0.5)
				.filter((ex) -> ex instanceof PartnerTokenException tokenException && tokenException.isTransient())
				.doBeforeRetryAsync((signal) -> TokenFetcher.beforeRetry(signal.failure()))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
	}

	/**
	 * Sends a token request once. JSON bodies go out and all answers come in as bytes,
	 * never as strings or objects, so that Spring's codecs, which log strings and objects
	 * at debug level, never see a secret or a token; form bodies go through Spring's form
	 * writer, which masks them in logs. Answers longer than {@value #MAX_BODY_BYTES}
	 * bytes are not read further.
	 * @param grantRequest the grant request
	 * @return the partner's token response
	 */
	private Mono<OAuth2AccessTokenResponse> exchange(T grantRequest) {
		ClientRegistration registration = grantRequest.getClientRegistration();
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(PARAMETERS.convert(grantRequest));
		HttpHeaders headers = this.headersConverter.convert(grantRequest);
		if (grantRequest instanceof OAuth2ClientCredentialsGrantRequest) {
			this.endpoint.request().parameters().forEach(parameters::set);
		}
		if (grantRequest instanceof OAuth2RefreshTokenGrantRequest
				&& this.endpoint.request().clientIdHeader() != null) {
			parameters.remove(OAuth2ParameterNames.CLIENT_ID);
			parameters.remove(OAuth2ParameterNames.CLIENT_SECRET);
			headers.remove(HttpHeaders.AUTHORIZATION);
			headers.set(this.endpoint.request().clientIdHeader(), registration.getClientId());
		}
		else if (this.assertionSigner != null) {
			parameters.addAll(this.assertionSigner.parameters());
		}
		BodyInserter<?, ? super ClientHttpRequest> requestBody = body(parameters, headers);
		this.endpoint.request().headers().forEach(headers::set);
		return this.webClient.post()
			.uri(registration.getProviderDetails().getTokenUri())
			.headers((requestHeaders) -> requestHeaders.putAll(headers))
			.body(requestBody)
			.exchangeToMono((response) -> DataBufferUtils.join(response.bodyToFlux(DataBuffer.class), MAX_BODY_BYTES)
				.map(PartnerTokenResponseClient::text)
				.onErrorResume(DataBufferLimitException.class,
						(ex) -> Mono.just("(body longer than " + MAX_BODY_BYTES + " bytes)"))
				.defaultIfEmpty("")
				.map((body) -> this.reader.read(response.statusCode().value(), body,
						response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))));
	}

	private BodyInserter<?, ? super ClientHttpRequest> body(MultiValueMap<String, String> parameters,
			HttpHeaders headers) {
		if (this.endpoint.request().format() == RequestFormat.JSON) {
			headers.setContentType(MediaType.APPLICATION_JSON);
			return BodyInserters.fromValue(
					JsonBody.WRITER.writeToString(parameters.toSingleValueMap()).getBytes(StandardCharsets.UTF_8));
		}
		return BodyInserters.fromFormData(parameters);
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private PartnerTokenException unreachable(T grantRequest, Throwable ex) {
		String tokenUri = grantRequest.getClientRegistration().getProviderDetails().getTokenUri();
		String what = (ex instanceof TimeoutException)
				? "got no response within " + this.endpoint.retries().responseTimeout()
				: "could not be sent: " + describe(ex);
		return new PartnerTokenException(this.endpoint.partner(), null,
				new OAuth2Error(PartnerTokenException.TOKEN_ENDPOINT_UNREACHABLE, "Token endpoint unreachable", null),
				"Token request for partner '" + this.endpoint.partner() + "' to " + withoutQuery(tokenUri) + " " + what,
				ex);
	}

	private static String describe(Throwable ex) {
		Throwable cause = (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private static String withoutQuery(String uri) {
		URI parsed = URI.create(uri);
		return parsed.getScheme() + "://" + parsed.getHost() + ((parsed.getPort() != -1) ? ":" + parsed.getPort() : "")
				+ parsed.getRawPath();
	}

	/**
	 * Writes JSON request bodies; set up with the first one rather than with the client,
	 * which every partner makes at start-up.
	 */
	private static final class JsonBody {

		static final JsonWriter<Object> WRITER = JsonWriter.standard();

	}

}
