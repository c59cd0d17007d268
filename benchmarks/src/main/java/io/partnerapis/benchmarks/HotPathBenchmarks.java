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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.partnerapis.webclient.PartnerAuthorizationFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * JMH benchmarks of the hot path with a cached token and no network: the exchange
 * function answers 200 at once with a canned {@link ClientResponse}.
 *
 * <ul>
 * <li>{@code filter*} call one {@link ExchangeFilterFunction} alone: the partner-apis
 * filter, the stock Spring Security filter, and a filter that only sets a static bearer
 * header, the least any such filter costs.</li>
 * <li>{@code webClient*} make a whole WebClient call, {@code retrieve()} included,
 * through each contender's own WebClient with its exchange function swapped for the
 * canned one.</li>
 * </ul>
 * Set-up starts the loopback partner and makes one real call per contender, so both token
 * caches hold a token before anything is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class HotPathBenchmarks {

	private LoopbackPartner partner;

	private List<Contender> contenders;

	private ClientRequest request;

	private ExchangeFunction cannedExchange;

	private ExchangeFilterFunction staticHeaderFilter;

	private ExchangeFilterFunction partnerApisFilter;

	private ExchangeFilterFunction stockFilter;

	private WebClient plainWebClient;

	private WebClient partnerApisWebClient;

	private WebClient stockWebClient;

	/**
	 * Builds the contenders and gives each a token.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		this.partner = new LoopbackPartner();
		Contender plain = Contender.plain(this.partner);
		Contender partnerApis = Contender.partnerApis(this.partner);
		Contender stock = Contender.stock(this.partner, StockWiring.Variant.RECOMMENDED);
		this.contenders = List.of(plain, partnerApis, stock);
		for (Contender contender : this.contenders) {
			Scenarios.require(Load.callNow(contender.webClient()), contender, "first call");
		}
		Mono<ClientResponse> ok = Mono.just(ClientResponse.create(HttpStatus.OK).build());
		this.cannedExchange = (request) -> ok;
		this.request = ClientRequest
			.create(HttpMethod.GET, URI.create(this.partner.baseUrl() + LoopbackPartner.API_PATH))
			.build();
		this.staticHeaderFilter = (request,
				next) -> next.exchange(ClientRequest.from(request)
					.headers((headers) -> headers.setBearerAuth(LoopbackPartner.STATIC_TOKEN))
					.build());
		this.partnerApisFilter = filter(partnerApis.webClient(), PartnerAuthorizationFilter.class);
		this.stockFilter = filter(stock.webClient(), ServerOAuth2AuthorizedClientExchangeFilterFunction.class);
		ExchangeFunction freshResponses = (request) -> Mono
			.fromSupplier(() -> ClientResponse.create(HttpStatus.OK).build());
		this.plainWebClient = plain.webClient().mutate().exchangeFunction(freshResponses).build();
		this.partnerApisWebClient = partnerApis.webClient().mutate().exchangeFunction(freshResponses).build();
		this.stockWebClient = stock.webClient().mutate().exchangeFunction(freshResponses).build();
		for (WebClient webClient : List.of(this.plainWebClient, this.partnerApisWebClient, this.stockWebClient)) {
			if (!webClient.get()
				.uri(LoopbackPartner.API_PATH)
				.retrieve()
				.toBodilessEntity()
				.block()
				.getStatusCode()
				.is2xxSuccessful()) {
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
	 * A filter that sets a static bearer header.
	 * @return the canned response
	 */
	@Benchmark
	public ClientResponse filterStaticHeader() {
		return this.staticHeaderFilter.filter(this.request, this.cannedExchange).block();
	}

	/**
	 * The partner-apis filter with a cached token.
	 * @return the canned response
	 */
	@Benchmark
	public ClientResponse filterPartnerApis() {
		return this.partnerApisFilter.filter(this.request, this.cannedExchange).block();
	}

	/**
	 * The stock Spring Security filter with a cached token.
	 * @return the canned response
	 */
	@Benchmark
	public ClientResponse filterStock() {
		return this.stockFilter.filter(this.request, this.cannedExchange).block();
	}

	/**
	 * A whole call through the plain WebClient with a static header.
	 * @return the response entity
	 */
	@Benchmark
	public ResponseEntity<Void> webClientPlain() {
		return call(this.plainWebClient);
	}

	/**
	 * A whole call through the partner-apis WebClient.
	 * @return the response entity
	 */
	@Benchmark
	public ResponseEntity<Void> webClientPartnerApis() {
		return call(this.partnerApisWebClient);
	}

	/**
	 * A whole call through the stock Spring Security WebClient.
	 * @return the response entity
	 */
	@Benchmark
	public ResponseEntity<Void> webClientStock() {
		return call(this.stockWebClient);
	}

	private static ResponseEntity<Void> call(WebClient webClient) {
		return webClient.get().uri(LoopbackPartner.API_PATH).retrieve().toBodilessEntity().block();
	}

	private static ExchangeFilterFunction filter(WebClient webClient, Class<?> type) {
		List<ExchangeFilterFunction> filters = new ArrayList<>();
		webClient.mutate().filters(filters::addAll);
		return filters.stream()
			.filter(type::isInstance)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " in " + filters));
	}

}
