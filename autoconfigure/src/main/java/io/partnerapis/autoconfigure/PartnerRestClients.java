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

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.restclient.PartnerAuthorizationInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Builds partner RestClients from Spring Boot's {@link RestClient.Builder}, so that its
 * request factory settings, SSL bundles and observations apply, each on first use: an
 * application that only uses WebClients pays nothing for them. Every partner RestClient
 * gets a request factory that never follows redirects, the partner's base URL and API
 * headers, then the {@link PartnerRestClientCustomizer customizers} (none of which may
 * set its own request factory, see {@link RedirectGuard}), then the partner's
 * authorization interceptor as the innermost one.
 */
final class PartnerRestClients {

	private final Supplier<RestClient.Builder> builders;

	private final Supplier<List<PartnerRestClientCustomizer>> customizers;

	private final Supplier<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder;

	private final Supplier<HttpClientSettings> settings;

	private final Supplier<ClientHttpRequestFactory> requestFactory;

	/**
	 * Creates a new factory.
	 * @param builders supplies a new builder for each partner
	 * @param customizers supplies the customizers, in order
	 * @param requestFactoryBuilder supplies the application's request factory builder
	 * @param settings supplies the application's HTTP client settings
	 */
	PartnerRestClients(Supplier<RestClient.Builder> builders, Supplier<List<PartnerRestClientCustomizer>> customizers,
			Supplier<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder, Supplier<HttpClientSettings> settings) {
		this.builders = builders;
		this.customizers = customizers;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.settings = settings;
		this.requestFactory = SingletonSupplier.of(() -> requestFactoryBuilder.get().build(settings()));
	}

	private HttpClientSettings settings() {
		return this.settings.get().withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	/**
	 * Builds a partner's RestClient.
	 * @param name the partner's name
	 * @param baseUrl the partner's base URL
	 * @param headers the partner's API headers
	 * @param interceptor the partner's authorization interceptor
	 * @param ssl the partner's own SSL bundle, or {@code null}
	 * @return the RestClient
	 */
	RestClient restClient(String name, String baseUrl, Map<String, String> headers,
			PartnerAuthorizationInterceptor interceptor, @Nullable PartnerSsl ssl) {
		RestClient.Builder builder = this.builders.get()
			.requestFactory((ssl != null) ? ssl.requestFactory(this.requestFactoryBuilder.get(), settings())
					: this.requestFactory.get())
			.baseUrl(baseUrl)
			.defaultHeaders((defaults) -> headers.forEach(defaults::set));
		RedirectGuard.customize(name, builder, this.customizers.get());
		return builder.requestInterceptor(interceptor).build();
	}

}
