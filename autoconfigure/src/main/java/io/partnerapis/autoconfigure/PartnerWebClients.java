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

package io.partnerapis.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.webclient.PartnerAuthorizationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpCookieHandling;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds partner WebClients, and the WebClients that send partners' token requests, from
 * the application's connector builder and HTTP client settings. Partner WebClients never
 * follow redirects, whatever {@code spring.http.clients.redirects} says, since a redirect
 * to another host would carry the partner's headers there: they use one connector built
 * with redirects turned off, which no customizer may replace (see {@link RedirectGuard}),
 * and a 3xx answer reaches the caller as it is.
 */
final class PartnerWebClients {

	private static final Duration READ_TIMEOUT_MARGIN = Duration.ofSeconds(1);

	private final Supplier<WebClient.Builder> builders;

	private final List<PartnerWebClientCustomizer> customizers;

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettings settings;

	private final ObservationRegistry observationRegistry;

	private final Supplier<ClientHttpConnector> partnerConnector;

	private final Map<List<Duration>, WebClient> tokenWebClients = new HashMap<>();

	/**
	 * Creates a new factory.
	 * @param builders supplies a new builder for each partner
	 * @param customizers the customizers, in order
	 * @param connectorBuilder the application's connector builder
	 * @param settings the application's HTTP client settings
	 * @param observationRegistry the registry that token requests are observed in
	 */
	PartnerWebClients(Supplier<WebClient.Builder> builders, List<PartnerWebClientCustomizer> customizers,
			ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings settings,
			ObservationRegistry observationRegistry) {
		this.builders = builders;
		this.customizers = customizers;
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
		this.observationRegistry = observationRegistry;
		this.partnerConnector = SingletonSupplier.of(() -> connectorBuilder.build(apiSettings()));
	}

	ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	/**
	 * Returns the partner's WebClient, built from Spring Boot's
	 * {@link WebClient.Builder}, with the partner's base URL and API headers, then the
	 * customizers, then the partner's authorization filter innermost.
	 * @param name the partner's name
	 * @param baseUrl the partner's base URL
	 * @param headers the partner's API headers
	 * @param filter the partner's authorization filter
	 * @param ssl the partner's own SSL bundle, or {@code null}
	 * @return the WebClient
	 */
	WebClient webClient(String name, String baseUrl, Map<String, String> headers, PartnerAuthorizationFilter filter,
			@Nullable PartnerSsl ssl) {
		WebClient.Builder builder = this.builders.get()
			.clientConnector(
					(ssl != null) ? ssl.connector(this.connectorBuilder, apiSettings()) : this.partnerConnector.get())
			.baseUrl(baseUrl);
		if (!headers.isEmpty()) {
			builder.defaultHeaders((defaults) -> headers.forEach(defaults::set));
		}
		builder.codecs(PartnerWebClients::maskRequestDetails);
		RedirectGuard.customize(name, builder, this.customizers);
		return builder.filters((filters) -> filters.add(filter)).build();
	}

	/**
	 * Returns the WebClient that sends a partner's token requests. It is not built from
	 * the application's {@link WebClient.Builder}, so that no application filter or
	 * default header sees client credentials, as Spring Security does for its own token
	 * clients; it uses the application's connector and HTTP client settings, with the
	 * partner's timeouts (the client's read timeout a little longer than the response
	 * timeout, which governs), never follows a redirect, which would send the client
	 * secret to another host, and keeps no cookies, so partners with the same timeouts
	 * and no SSL bundle of their own share one.
	 * @param connectTimeout the partner's token connect timeout
	 * @param responseTimeout the partner's token response timeout
	 * @param ssl the partner's own SSL bundle, or {@code null}
	 * @return the WebClient
	 */
	WebClient tokenWebClient(Duration connectTimeout, Duration responseTimeout, @Nullable PartnerSsl ssl) {
		if (ssl != null) {
			return buildTokenWebClient(connectTimeout, responseTimeout, ssl);
		}
		return this.tokenWebClients.computeIfAbsent(List.of(connectTimeout, responseTimeout),
				(timeouts) -> buildTokenWebClient(timeouts.get(0), timeouts.get(1), null));
	}

	private WebClient buildTokenWebClient(Duration connectTimeout, Duration responseTimeout, @Nullable PartnerSsl ssl) {
		HttpClientSettings settings = this.settings
			.withTimeouts(connectTimeout, responseTimeout.plus(READ_TIMEOUT_MARGIN))
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withCookieHandling(HttpCookieHandling.DISABLE);
		return WebClient.builder()
			.clientConnector((ssl != null) ? ssl.connector(this.connectorBuilder, settings)
					: this.connectorBuilder.build(settings))
			.codecs(PartnerWebClients::maskRequestDetails)
			.observationRegistry(this.observationRegistry)
			.build();
	}

	private HttpClientSettings apiSettings() {
		return this.settings.withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	/**
	 * Keeps form fields and headers, which carry the client secret and tokens, out of
	 * Spring's request logging even where {@code spring.codec.log-request-details} turns
	 * it on for the application's other clients.
	 * @param codecs the codecs of a partner WebClient
	 */
	private static void maskRequestDetails(ClientCodecConfigurer codecs) {
		codecs.defaultCodecs().enableLoggingRequestDetails(false);
	}

}
