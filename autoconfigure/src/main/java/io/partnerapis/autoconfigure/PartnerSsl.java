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

import java.io.IOException;
import java.net.URI;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * The Spring Boot SSL bundle of one partner's connections, its token requests and API
 * calls alike. The connectors and request factories it builds follow the bundle: when
 * Spring Boot reloads it ({@code reload-on-update}), they build their client anew from
 * the new bundle, so new connections present the new certificate and trust the new trust
 * material without a restart. Spring Boot's own clients keep the bundle they were built
 * with, hence the delegating wrappers here.
 *
 * @param name the bundle's name
 * @param bundle the bundle as it is now
 * @param bundles the registry that announces the bundle's updates
 */
record PartnerSsl(String name, SslBundle bundle, SslBundles bundles) {

	/**
	 * Describes this bundle by its name only.
	 */
	@Override
	public String toString() {
		return "PartnerSsl[" + this.name + "]";
	}

	/**
	 * Returns a connector built with the bundle, rebuilt when it is reloaded.
	 * @param builder the application's connector builder
	 * @param settings the settings to build with, the bundle aside
	 * @return the connector
	 */
	ClientHttpConnector connector(ClientHttpConnectorBuilder<?> builder, HttpClientSettings settings) {
		return follow((bundle) -> builder.build(settings.withSslBundle(bundle)), ReloadingConnector::new);
	}

	/**
	 * Returns a request factory built with the bundle, rebuilt when it is reloaded.
	 * @param builder the application's request factory builder
	 * @param settings the settings to build with, the bundle aside
	 * @return the request factory
	 */
	ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings) {
		return follow((bundle) -> builder.build(settings.withSslBundle(bundle)), ReloadingRequestFactory::new);
	}

	private <C, R extends Reloading<C>> R follow(Function<SslBundle, C> build, Function<C, R> wrap) {
		R reloading = wrap.apply(build.apply(this.bundle));
		this.bundles.addBundleUpdateHandler(this.name, (updated) -> reloading.replace(build.apply(updated)));
		return reloading;
	}

	/**
	 * A client that a reloaded bundle replaces.
	 *
	 * @param <C> the client type
	 */
	private abstract static class Reloading<C> {

		private volatile C delegate;

		Reloading(C delegate) {
			this.delegate = delegate;
		}

		final C delegate() {
			return this.delegate;
		}

		final void replace(C delegate) {
			this.delegate = delegate;
		}

	}

	private static final class ReloadingConnector extends Reloading<ClientHttpConnector>
			implements ClientHttpConnector {

		ReloadingConnector(ClientHttpConnector delegate) {
			super(delegate);
		}

		@Override
		public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super org.springframework.http.client.reactive.ClientHttpRequest, Mono<Void>> requestCallback) {
			return delegate().connect(method, uri, requestCallback);
		}

	}

	private static final class ReloadingRequestFactory extends Reloading<ClientHttpRequestFactory>
			implements ClientHttpRequestFactory {

		ReloadingRequestFactory(ClientHttpRequestFactory delegate) {
			super(delegate);
		}

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
			return delegate().createRequest(uri, httpMethod);
		}

	}

}
