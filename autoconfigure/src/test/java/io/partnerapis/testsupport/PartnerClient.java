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

package io.partnerapis.testsupport;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import io.partnerapis.PartnerTokenException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a use-case test does with a partner's client, the same for its WebClient and its
 * RestClient, so that one scenario, written once in an abstract test class, runs against
 * both. Calls block for the answer; a failure to get a token is thrown as it comes.
 */
public interface PartnerClient {

	/**
	 * How long a WebClient call may take before the test gives up on it.
	 */
	Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Sends {@code GET uri} and returns the status of the final answer, after any replay;
	 * an error status is returned, not thrown.
	 * @param uri a path relative to the partner's base URL, or an absolute URL
	 * @return the HTTP status
	 */
	int status(String uri);

	/**
	 * Sends {@code GET uri} and returns the final answer, whatever its status.
	 * @param uri the path
	 * @return the status and body
	 */
	Answer exchange(String uri);

	/**
	 * Sends {@code GET uri} and returns the body of a 2xx answer; an error status is
	 * thrown, as {@code retrieve()} throws it.
	 * @param uri the path or absolute URL
	 * @return the body
	 */
	String body(String uri);

	/**
	 * Sends {@code POST uri} with the given body, a form when it is a
	 * {@link MultiValueMap}, and returns the status of the final answer.
	 * @param uri the path
	 * @param contentType the body's content type
	 * @param body the body
	 * @return the HTTP status
	 */
	int post(String uri, MediaType contentType, Object body);

	/**
	 * Sends {@code POST uri} with a body read from the stream, which can be read once
	 * only, and returns the status of the final answer.
	 * @param uri the path
	 * @param contentType the body's content type
	 * @param body the stream to read the body from
	 * @return the HTTP status
	 */
	int postOnce(String uri, MediaType contentType, InputStream body);

	/**
	 * Sends {@code count} {@code GET uri} at once, each as this client type sends many: a
	 * WebClient from one thread, a RestClient from a thread per call.
	 * @param count how many calls
	 * @param uri the path
	 * @return for each call, the body of its answer, or the error code of the
	 * {@link PartnerTokenException} it failed with
	 */
	List<String> concurrently(int count, String uri);

	/**
	 * A final answer.
	 *
	 * @param status the HTTP status
	 * @param body the body, empty when there was none
	 */
	record Answer(int status, String body) {

	}

	/**
	 * The client types of a partner.
	 */
	enum Type {

		/**
		 * The partner's {@code <name>WebClient} bean.
		 */
		WEB_CLIENT("WebClient") {

			@Override
			public PartnerClient of(ApplicationContext context, String partner) {
				return new WebClientCalls(context.getBean(partner + "WebClient", WebClient.class));
			}

		},

		/**
		 * The partner's {@code <name>RestClient} bean.
		 */
		REST_CLIENT("RestClient") {

			@Override
			public PartnerClient of(ApplicationContext context, String partner) {
				return new RestClientCalls(context.getBean(partner + "RestClient", RestClient.class));
			}

		};

		private final String label;

		Type(String label) {
			this.label = label;
		}

		/**
		 * Returns the name partner-apis gives this client type in its messages.
		 * @return the name
		 */
		public String label() {
			return this.label;
		}

		/**
		 * Returns the given partner's client of this type.
		 * @param context the application context
		 * @param partner the partner's name
		 * @return the client
		 */
		public abstract PartnerClient of(ApplicationContext context, String partner);

	}

	/**
	 * Calls through a partner's WebClient, blocking for each answer.
	 */
	final class WebClientCalls implements PartnerClient {

		private final WebClient webClient;

		WebClientCalls(WebClient webClient) {
			this.webClient = webClient;
		}

		@Override
		public int status(String uri) {
			return PartnerStub.call(this.webClient, uri);
		}

		@Override
		public Answer exchange(String uri) {
			return this.webClient.get()
				.uri(uri)
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> new Answer(response.statusCode().value(), body)))
				.block(TIMEOUT);
		}

		@Override
		public String body(String uri) {
			return get(uri).block(TIMEOUT);
		}

		@Override
		public int post(String uri, MediaType contentType, Object body) {
			WebClient.RequestBodySpec request = this.webClient.post().uri(uri).contentType(contentType);
			@SuppressWarnings("unchecked")
			WebClient.RequestHeadersSpec<?> withBody = (body instanceof MultiValueMap<?, ?> form)
					? request.body(BodyInserters.fromFormData((MultiValueMap<String, String>) form))
					: request.bodyValue(body);
			return status(withBody);
		}

		@Override
		public int postOnce(String uri, MediaType contentType, InputStream body) {
			return status(this.webClient.post()
				.uri(uri)
				.contentType(contentType)
				.body(Mono.fromCallable(body::readAllBytes), byte[].class));
		}

		@Override
		public List<String> concurrently(int count, String uri) {
			return Flux.range(0, count)
				.flatMap((i) -> get(uri).onErrorResume(PartnerTokenException.class,
						(ex) -> Mono.just(ex.getError().getErrorCode())), count)
				.collectList()
				.block(Duration.ofSeconds(60));
		}

		private Mono<String> get(String uri) {
			return this.webClient.get().uri(uri).retrieve().bodyToMono(String.class).defaultIfEmpty("");
		}

		private static int status(WebClient.RequestHeadersSpec<?> request) {
			Integer status = request
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(TIMEOUT);
			return (status != null) ? status : -1;
		}

	}

	/**
	 * Calls through a partner's RestClient.
	 */
	final class RestClientCalls implements PartnerClient {

		private final RestClient restClient;

		RestClientCalls(RestClient restClient) {
			this.restClient = restClient;
		}

		@Override
		public int status(String uri) {
			return PartnerStub.call(this.restClient, uri);
		}

		@Override
		public Answer exchange(String uri) {
			return this.restClient.get().uri(uri).exchange((request, response) -> {
				String body = response.bodyTo(String.class);
				return new Answer(response.getStatusCode().value(), (body != null) ? body : "");
			});
		}

		@Override
		public String body(String uri) {
			String body = this.restClient.get().uri(uri).retrieve().body(String.class);
			return (body != null) ? body : "";
		}

		@Override
		public int post(String uri, MediaType contentType, Object body) {
			return status(this.restClient.post().uri(uri).contentType(contentType).body(body));
		}

		@Override
		public int postOnce(String uri, MediaType contentType, InputStream body) {
			return status(this.restClient.post().uri(uri).contentType(contentType).body(new InputStreamResource(body)));
		}

		@Override
		public List<String> concurrently(int count, String uri) {
			try {
				return Callers.onPlatformThreads(count, () -> {
					try {
						return body(uri);
					}
					catch (PartnerTokenException ex) {
						return ex.getError().getErrorCode();
					}
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static int status(RestClient.RequestHeadersSpec<?> request) {
			return request.exchange((clientRequest, response) -> response.getStatusCode().value());
		}

	}

}
