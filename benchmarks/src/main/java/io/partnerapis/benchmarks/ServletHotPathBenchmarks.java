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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.partnerapis.restclient.PartnerAuthorizationInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * JMH benchmarks of the servlet side's hot path with a cached token and no network: each
 * contender's own RestClient, with its request factory swapped for one that answers 200
 * at once with a canned JSON body, makes a whole
 * {@code get().uri(..).retrieve().body(String.class)} call, as part 8a does over
 * loopback.
 *
 * <p>
 * Besides the three contenders, a plain RestClient whose static header is set by an
 * interceptor shows what Spring's interception alone costs (request buffering and header
 * copying), which every interceptor pays, the partner-apis and stock ones alike. Set-up
 * starts the loopback partner and makes one real call per contender, so both token caches
 * hold a token before anything is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ServletHotPathBenchmarks {

	private static final byte[] BODY = LoopbackPartner.API_BODY.getBytes(StandardCharsets.UTF_8);

	private static final byte[] NO_BODY = new byte[0];

	private LoopbackPartner partner;

	private List<Contender> contenders;

	private HttpRequest request;

	private ClientHttpRequestExecution cannedExecution;

	private ClientHttpRequestInterceptor staticHeaderInterceptor;

	private ClientHttpRequestInterceptor partnerApisInterceptor;

	private ClientHttpRequestInterceptor stockInterceptor;

	private RestClient plain;

	private RestClient intercepted;

	private RestClient partnerApis;

	private RestClient stock;

	/**
	 * Builds the contenders, gives each a token, then swaps their request factories for
	 * the canned one.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		this.partner = new LoopbackPartner();
		Contender plain = Contender.plainRestClient(this.partner);
		Contender partnerApis = Contender.partnerApisRestClient(this.partner);
		Contender stock = Contender.stockRestClient(this.partner);
		this.contenders = List.of(plain, partnerApis, stock);
		for (Contender contender : this.contenders) {
			Scenarios.require(BlockingLoad.call(contender.restClient()), contender, "first call");
		}
		CannedRequestFactory canned = new CannedRequestFactory();
		URI uri = URI.create(this.partner.baseUrl() + LoopbackPartner.API_PATH);
		this.request = new CannedRequest(uri, HttpMethod.GET, canned.headers);
		ClientHttpResponse response = new CannedResponse(canned.headers);
		this.cannedExecution = (request, body) -> response;
		this.staticHeaderInterceptor = (request, body, execution) -> {
			request.getHeaders().setBearerAuth(LoopbackPartner.STATIC_TOKEN);
			return execution.execute(request, body);
		};
		this.partnerApisInterceptor = interceptor(partnerApis.restClient(), PartnerAuthorizationInterceptor.class);
		this.stockInterceptor = interceptor(stock.restClient(), OAuth2ClientHttpRequestInterceptor.class);
		this.plain = plain.restClient().mutate().requestFactory(canned).build();
		this.intercepted = plain.restClient()
			.mutate()
			.defaultHeaders((headers) -> headers.remove(HttpHeaders.AUTHORIZATION))
			.requestInterceptor(this.staticHeaderInterceptor)
			.requestFactory(canned)
			.build();
		this.partnerApis = partnerApis.restClient().mutate().requestFactory(canned).build();
		this.stock = stock.restClient().mutate().requestFactory(canned).build();
		for (RestClient restClient : List.of(this.plain, this.intercepted, this.partnerApis, this.stock)) {
			if (!LoopbackPartner.API_BODY.equals(call(restClient))) {
				throw new IllegalStateException("Canned call failed");
			}
		}
	}

	/**
	 * Closes the contenders and stops the partner.
	 */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.contenders.forEach(Contender::close);
		this.partner.close();
	}

	/**
	 * An interceptor that sets a static bearer header.
	 * @return the canned response
	 * @throws IOException never
	 */
	@Benchmark
	public ClientHttpResponse interceptorStaticHeader() throws IOException {
		return this.staticHeaderInterceptor.intercept(this.request, NO_BODY, this.cannedExecution);
	}

	/**
	 * The partner-apis interceptor with a cached token.
	 * @return the canned response
	 * @throws IOException never
	 */
	@Benchmark
	public ClientHttpResponse interceptorPartnerApis() throws IOException {
		return this.partnerApisInterceptor.intercept(this.request, NO_BODY, this.cannedExecution);
	}

	/**
	 * The stock Spring Security interceptor with a cached token.
	 * @return the canned response
	 * @throws IOException never
	 */
	@Benchmark
	public ClientHttpResponse interceptorStock() throws IOException {
		return this.stockInterceptor.intercept(this.request, NO_BODY, this.cannedExecution);
	}

	/**
	 * A whole call through the plain RestClient with a static default header.
	 * @return the body
	 */
	@Benchmark
	public String restClientPlain() {
		return call(this.plain);
	}

	/**
	 * A whole call through a plain RestClient whose static header is set by an
	 * interceptor.
	 * @return the body
	 */
	@Benchmark
	public String restClientStaticHeaderInterceptor() {
		return call(this.intercepted);
	}

	/**
	 * A whole call through the partner-apis RestClient.
	 * @return the body
	 */
	@Benchmark
	public String restClientPartnerApis() {
		return call(this.partnerApis);
	}

	/**
	 * A whole call through the stock Spring Security RestClient.
	 * @return the body
	 */
	@Benchmark
	public String restClientStock() {
		return call(this.stock);
	}

	private static String call(RestClient restClient) {
		return restClient.get().uri(LoopbackPartner.API_PATH).retrieve().body(String.class);
	}

	private static ClientHttpRequestInterceptor interceptor(RestClient restClient, Class<?> type) {
		List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
		restClient.mutate().requestInterceptors(interceptors::addAll);
		return interceptors.stream()
			.filter(type::isInstance)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " in " + interceptors));
	}

	/**
	 * Answers every request at once with 200 and a small JSON body, without any I/O.
	 */
	private static final class CannedRequestFactory implements ClientHttpRequestFactory {

		private final HttpHeaders headers;

		CannedRequestFactory() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setContentLength(BODY.length);
			this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		}

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
			return new CannedRequest(uri, method, this.headers);
		}

	}

	/**
	 * A request whose execution returns the canned response.
	 */
	private static final class CannedRequest extends AbstractClientHttpRequest {

		private final URI uri;

		private final HttpMethod method;

		private final HttpHeaders responseHeaders;

		CannedRequest(URI uri, HttpMethod method, HttpHeaders responseHeaders) {
			this.uri = uri;
			this.method = method;
			this.responseHeaders = responseHeaders;
		}

		@Override
		public HttpMethod getMethod() {
			return this.method;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		protected OutputStream getBodyInternal(HttpHeaders headers) {
			return OutputStream.nullOutputStream();
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers) {
			return new CannedResponse(this.responseHeaders);
		}

	}

	/**
	 * 200 with a small JSON body.
	 */
	private static final class CannedResponse implements ClientHttpResponse {

		private final HttpHeaders headers;

		private final InputStream body = new ByteArrayInputStream(BODY);

		CannedResponse(HttpHeaders headers) {
			this.headers = headers;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return HttpStatus.OK.getReasonPhrase();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
		}

	}

}
