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

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerApi.UnauthorizedRetryOutcome;
import io.partnerapis.PartnerProvider;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import io.partnerapis.autoconfigure.service.PartnerServiceGroups;
import io.partnerapis.restclient.PartnerAuthorizationInterceptor;
import io.partnerapis.token.PartnerAuthorization;
import io.partnerapis.webclient.PartnerAuthorizationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link io.partnerapis.PartnerApi} as configured from properties: its clients, and views
 * onto its registration and its {@link PartnerAuthorization}. It also keeps what HTTP
 * service groups of the partner need: its API headers, and the filter and interceptor
 * that attach its tokens.
 */
final class ConfiguredPartnerApi implements PartnerServiceGroups.Partner, AutoCloseable {

	private final String name;

	private final PartnerProvider provider;

	private final ClientRegistration registration;

	private final String baseUrl;

	private final Map<String, String> headers;

	private final WebClient webClient;

	private final PartnerRestClients restClients;

	/**
	 * The RestClient, built when first asked for: most applications use one client type.
	 */
	private volatile @Nullable RestClient restClient;

	private final PartnerAuthorization authorization;

	private final PartnerAuthorizationFilter filter;

	private final PartnerAuthorizationInterceptor interceptor;

	private final @Nullable PartnerSsl ssl;

	ConfiguredPartnerApi(String name, PartnerProvider provider, ClientRegistration registration, String baseUrl,
			Map<String, String> headers, WebClient webClient, PartnerRestClients restClients,
			PartnerAuthorization authorization, PartnerAuthorizationFilter filter,
			PartnerAuthorizationInterceptor interceptor, @Nullable PartnerSsl ssl) {
		this.name = name;
		this.provider = provider;
		this.registration = registration;
		this.baseUrl = baseUrl;
		this.headers = headers;
		this.webClient = webClient;
		this.restClients = restClients;
		this.authorization = authorization;
		this.filter = filter;
		this.interceptor = interceptor;
		this.ssl = ssl;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public PartnerProvider getProvider() {
		return this.provider;
	}

	@Override
	public String getTokenUri() {
		return this.registration.getProviderDetails().getTokenUri();
	}

	@Override
	public String getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public String getClientAuthenticationMethod() {
		return this.registration.getClientAuthenticationMethod().getValue();
	}

	@Override
	public WebClient getWebClient() {
		return this.webClient;
	}

	@Override
	public RestClient getRestClient() {
		RestClient restClient = this.restClient;
		if (restClient == null) {
			synchronized (this) {
				restClient = this.restClient;
				if (restClient == null) {
					restClient = this.restClients.restClient(this.name, this.baseUrl, this.headers, this.interceptor,
							this.ssl);
					this.restClient = restClient;
				}
			}
		}
		return restClient;
	}

	@Override
	public Map<String, String> headers() {
		return this.headers;
	}

	PartnerAuthorization authorization() {
		return this.authorization;
	}

	@Override
	public PartnerAuthorizationFilter filter() {
		return this.filter;
	}

	/**
	 * Returns the partner's own SSL bundle.
	 * @return the bundle, or {@code null} when it names none
	 */
	@Nullable PartnerSsl ssl() {
		return this.ssl;
	}

	@Override
	public PartnerAuthorizationInterceptor interceptor() {
		return this.interceptor;
	}

	@Override
	public @Nullable ClientHttpConnector connector(ClientHttpConnectorBuilder<?> builder, HttpClientSettings settings) {
		return (this.ssl != null) ? this.ssl.connector(builder, settings) : null;
	}

	@Override
	public @Nullable ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings) {
		return (this.ssl != null) ? this.ssl.requestFactory(builder, settings) : null;
	}

	/**
	 * Fails unless the URL, set by an HTTP service group's property, is on the origin
	 * this partner's tokens are sent to.
	 * @throws PartnerApiConfigurationException naming both properties, if it is not
	 */
	@Override
	public void requireOrigin(String property, String url) {
		if (!isPartnerOrigin(url)) {
			String partnerProperty = "partner.apis." + this.name + ".base-url";
			throw new PartnerApiConfigurationException(List.of(new Problem(property,
					"is '" + SafeUrls.describe(url) + "', whose origin is not that of '" + partnerProperty + "' ("
							+ SafeUrls.describe(this.baseUrl) + "), the only origin partner '" + this.name
							+ "' tokens are sent to",
					"Remove '" + property + "' so that the HTTP service group uses '" + partnerProperty
							+ "', or point it at a path on the same origin.")));
		}
	}

	@Override
	public void requireSslBundle(String property, String bundle) {
		ClientAuthenticationMethod method = this.registration.getClientAuthenticationMethod();
		boolean certificateBound = ClientAuthenticationMethod.TLS_CLIENT_AUTH.equals(method)
				|| ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH.equals(method);
		if (certificateBound && this.ssl != null && !this.ssl.name().equals(bundle)) {
			String partnerProperty = "partner.apis." + this.name + ".ssl.bundle";
			throw new PartnerApiConfigurationException(List.of(new Problem(property,
					"is '" + bundle + "', but partner '" + this.name
							+ "' authenticates with the client certificate of '" + partnerProperty + "' ("
							+ this.ssl.name()
							+ "), to which its tokens may be bound, so its API calls must present that certificate too",
					"Remove '" + property + "' so that the HTTP service group uses the partner's bundle, or set it to '"
							+ this.ssl.name() + "'.")));
		}
	}

	private boolean isPartnerOrigin(String url) {
		try {
			return this.authorization.isPartnerOrigin(URI.create(url));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public TokenState getTokenState() {
		return this.authorization.state();
	}

	@Override
	public TokenQuota getTokenQuota() {
		return this.authorization.quota();
	}

	@Override
	public long getUnauthorizedCount(UnauthorizedRetryOutcome outcome) {
		return this.authorization.unauthorizedCount(outcome);
	}

	@Override
	public void close() {
		this.authorization.close();
	}

	@Override
	public String toString() {
		return "PartnerApi[name=" + this.name + ", provider=" + this.provider.id() + ", baseUrl=" + this.baseUrl + "]";
	}

}
