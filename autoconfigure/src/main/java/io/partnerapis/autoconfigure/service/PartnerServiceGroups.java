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

package io.partnerapis.autoconfigure.service;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.partnerapis.PartnerApi;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroup;

/**
 * Which HTTP service groups call which partners, and how their clients are set up; it
 * creates the RestClient and WebClient group configurers. A group calls a partner it is
 * named after or names with Spring Security's
 * {@link ClientRegistrationId @ClientRegistrationId}; its client gets the partner's base
 * URL, API headers and SSL bundle, and Spring Boot's settings for the group, without
 * redirects.
 *
 * @since 0.3.0
 */
public final class PartnerServiceGroups {

	private static final String SERVICE_CLIENT_PREFIX = "spring.http.serviceclient";

	private final Supplier<Map<String, Partner>> partners;

	private final Map<String, HttpClientProperties> groupProperties;

	private final HttpClientSettingsPropertyMapper settingsMapper;

	/**
	 * Creates a new instance.
	 * @param partners supplies the partners when groups are first configured, so that
	 * creating this does not create them
	 * @param environment the environment to bind the groups' properties from
	 * @param sslBundles the application's SSL bundles, or {@code null}
	 * @param settings the application's HTTP client settings, or {@code null}
	 */
	public PartnerServiceGroups(Supplier<Collection<? extends PartnerApi>> partners, Environment environment,
			@Nullable SslBundles sslBundles, @Nullable HttpClientSettings settings) {
		this.partners = SingletonSupplier.of(() -> {
			Map<String, Partner> byName = new LinkedHashMap<>();
			for (PartnerApi api : partners.get()) {
				if (api instanceof Partner partner) {
					byName.put(api.getName(), partner);
				}
			}
			return byName;
		});
		this.groupProperties = Binder.get(environment)
			.bind(SERVICE_CLIENT_PREFIX, Bindable.mapOf(String.class, HttpClientProperties.class))
			.orElse(Map.of());
		this.settingsMapper = new HttpClientSettingsPropertyMapper(sslBundles, settings);
	}

	/**
	 * Returns the configurer of the RestClient groups that call partners.
	 * @param requestFactoryBuilder supplies the application's request factory builder
	 * @return the configurer
	 */
	public RestClientHttpServiceGroupConfigurer restClientConfigurer(
			Supplier<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder) {
		return new PartnerRestClientHttpServiceGroupConfigurer(this, requestFactoryBuilder);
	}

	/**
	 * Returns the configurer of the WebClient groups that call partners.
	 * @param connectorBuilder supplies the application's connector builder
	 * @return the configurer
	 */
	public WebClientHttpServiceGroupConfigurer webClientConfigurer(
			Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder) {
		return new PartnerWebClientHttpServiceGroupConfigurer(this, connectorBuilder);
	}

	/**
	 * Returns whether the group calls partners: it is named after one, or names some.
	 * @param group the HTTP service group being configured
	 * @return whether the group calls partners
	 */
	boolean callsPartners(HttpServiceGroup group) {
		return partnerOf(group) != null || namesPartners(group);
	}

	/**
	 * Returns whether the group's interfaces, or their methods, name a configured partner
	 * with {@link ClientRegistrationId @ClientRegistrationId}, whose requests then call
	 * that partner.
	 * @param group the HTTP service group being configured
	 * @return whether the group names partners
	 */
	boolean namesPartners(HttpServiceGroup group) {
		return !annotatedPartners(group).isEmpty();
	}

	/**
	 * Returns the partner the group is named after, which all its requests call unless
	 * they name another.
	 * @param group the HTTP service group being configured
	 * @return the partner, or {@code null} when the group is not named after one
	 */
	@Nullable Partner partnerOf(HttpServiceGroup group) {
		return this.partners.get().get(group.name());
	}

	Map<String, Partner> partners() {
		return this.partners.get();
	}

	/**
	 * Adds the partner's API headers to the group's default headers, except those the
	 * group's properties already set.
	 * @param headers the group's default headers, added to in place
	 * @param partner the partner whose API headers are added
	 */
	void addHeaders(HttpHeaders headers, Partner partner) {
		partner.headers().forEach((name, value) -> {
			if (!headers.containsHeader(name)) {
				headers.set(name, value);
			}
		});
	}

	/**
	 * Returns the base URL to set on the client of a group named after a partner: the
	 * partner's, or {@code null} when the group's {@code base-url} property sets one,
	 * which Spring Boot has applied and which the partner must accept.
	 * @param group the HTTP service group being configured
	 * @param partner the partner the group is named after
	 * @return the partner's base URL, or {@code null} to keep the one the group's
	 * properties set
	 */
	@Nullable String baseUrl(HttpServiceGroup group, Partner partner) {
		HttpClientProperties properties = this.groupProperties.get(group.name());
		String groupBaseUrl = (properties != null) ? properties.getBaseUrl() : null;
		if (!StringUtils.hasText(groupBaseUrl)) {
			return partner.getBaseUrl();
		}
		partner.requireOrigin(SERVICE_CLIENT_PREFIX + "." + group.name() + ".base-url", groupBaseUrl);
		return null;
	}

	/**
	 * Returns the HTTP client settings of a group that calls partners: Spring Boot's for
	 * the group, never following redirects.
	 * @param group the HTTP service group being configured
	 * @return the group's settings with redirects turned off
	 */
	HttpClientSettings settings(HttpServiceGroup group) {
		return this.settingsMapper.map(this.groupProperties.get(group.name())).withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	/**
	 * Returns the partner whose own SSL bundle the client of the group uses: the group's
	 * partner, unless the group's properties name a bundle of their own.
	 * @param group the HTTP service group being configured
	 * @return the partner whose SSL bundle applies, or {@code null} to keep the group's
	 * own
	 */
	@Nullable Partner sslPartner(HttpServiceGroup group) {
		HttpClientProperties properties = this.groupProperties.get(group.name());
		String ownBundle = (properties != null && properties.getSsl() != null) ? properties.getSsl().getBundle() : null;
		Partner partner = partnerOf(group);
		if (!StringUtils.hasText(ownBundle)) {
			return partner;
		}
		if (partner != null) {
			partner.requireSslBundle(SERVICE_CLIENT_PREFIX + "." + group.name() + ".ssl.bundle", ownBundle);
		}
		return null;
	}

	private Set<String> annotatedPartners(HttpServiceGroup group) {
		Set<String> names = new LinkedHashSet<>();
		for (Class<?> type : group.httpServiceTypes()) {
			addPartner(names, AnnotatedElementUtils.findMergedAnnotation(type, ClientRegistrationId.class));
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
				addPartner(names, AnnotatedElementUtils.findMergedAnnotation(method, ClientRegistrationId.class));
			}
		}
		return names;
	}

	private void addPartner(Set<String> names, @Nullable ClientRegistrationId id) {
		if (id != null && this.partners.get().containsKey(id.registrationId())) {
			names.add(id.registrationId());
		}
	}

	/**
	 * A partner as HTTP service groups see it: what attaches its tokens, its API headers
	 * and its own SSL bundle, if it has one.
	 */
	public interface Partner extends PartnerApi {

		/**
		 * Returns the partner's API headers.
		 * @return the headers
		 */
		Map<String, String> headers();

		/**
		 * Returns the filter that attaches the partner's tokens to WebClient requests.
		 * @return the filter
		 */
		ExchangeFilterFunction filter();

		/**
		 * Returns the interceptor that attaches the partner's tokens to RestClient
		 * requests.
		 * @return the interceptor
		 */
		ClientHttpRequestInterceptor interceptor();

		/**
		 * Returns a connector with the partner's own SSL bundle.
		 * @param builder the connector builder
		 * @param settings the settings, the bundle aside
		 * @return the connector, or {@code null} when the partner has no bundle of its
		 * own
		 */
		@Nullable ClientHttpConnector connector(ClientHttpConnectorBuilder<?> builder, HttpClientSettings settings);

		/**
		 * Returns a request factory with the partner's own SSL bundle.
		 * @param builder the request factory builder
		 * @param settings the settings, the bundle aside
		 * @return the request factory, or {@code null} when the partner has no bundle of
		 * its own
		 */
		@Nullable ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
				HttpClientSettings settings);

		/**
		 * Fails unless the given URL is on the origin the partner's tokens are sent to.
		 * @param property the property that sets the URL
		 * @param url the URL
		 * @throws RuntimeException naming the property and the fix, if the origin is
		 * another
		 */
		void requireOrigin(String property, String url);

		/**
		 * Fails if the partner authenticates with the client certificate of its own SSL
		 * bundle and the given bundle is another: its tokens may be bound to that
		 * certificate (RFC 8705), so API calls must present it too.
		 * @param property the property that names the bundle
		 * @param bundle the bundle's name
		 * @throws RuntimeException naming the property and the fix, if the bundle is
		 * another
		 */
		void requireSslBundle(String property, String bundle);

	}

}
