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

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerAuthorizedClientServiceFactory;
import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.autoconfigure.service.PartnerServiceGroups;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.store.PartnerTokenStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of partner APIs: binds {@code partner.apis.*} over provider
 * presets, builds the {@link PartnerApis} registry, a qualified {@link WebClient} bean
 * per partner, a qualified {@link RestClient} bean per partner where
 * {@code spring-boot-restclient} is on the classpath, and authorizes the HTTP service
 * groups that call partners. Nothing is published under Spring Security's bean types, so
 * an application's own OAuth2 client registrations, authorized-client service and
 * security filter chains stay exactly as Spring Boot configures them.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ClientRegistration.class, ClientHttpConnectorBuilder.class })
@EnableConfigurationProperties(PartnerApisProperties.class)
@Import(PartnerWebClientRegistrar.class)
public final class PartnerApisAutoConfiguration {

	private static final Log logger = LogFactory.getLog(PartnerApisAutoConfiguration.class);

	/**
	 * The partners, from properties validated here, once.
	 * @param properties the bound {@code partner.*} properties
	 * @param partnerApiFactory the factory that assembles each partner
	 * @param beanFactory the bean factory, asked which partners have no client bean
	 * @return the registry of every configured partner
	 */
	@Bean
	@ConditionalOnMissingBean
	PartnerApis partnerApis(PartnerApisProperties properties, PartnerApiFactory partnerApiFactory,
			BeanFactory beanFactory) {
		new PartnerApisPropertiesValidator(ProviderPresets.load()).validate(properties);
		PartnerApis apis = partnerApiFactory.create(properties);
		PartnerWebClientRegistrar.warnAboutPartnersWithoutBean(apis, beanFactory);
		return apis;
	}

	@Bean
	PartnerApiFactory partnerApisFactory(PartnerTokenStore store, PartnerWebClients partnerWebClients,
			PartnerRestClients partnerRestClients, ClientAuthenticationLoader partnerClientAuthentication,
			ObjectProvider<TokenFetchObservationConvention> observationConvention, ObjectProvider<Clock> clock) {
		return new PartnerApiFactory(store, partnerWebClients, partnerRestClients, partnerClientAuthentication,
				observationConvention.getIfAvailable(), clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	PartnerWebClients partnerApisWebClients(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<PartnerWebClientCustomizer> customizers,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ObservationRegistry> observationRegistry, ResourceLoader resourceLoader) {
		return new PartnerWebClients(() -> webClientBuilder.getIfAvailable(WebClient::builder),
				customizers.orderedStream().toList(),
				connectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	PartnerRestClients partnerApisRestClients(ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<PartnerRestClientCustomizer> customizers,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader) {
		return new PartnerRestClients(() -> restClientBuilder.getIfAvailable(RestClient::builder),
				() -> customizers.orderedStream().toList(),
				() -> requestFactoryBuilder
					.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())),
				() -> httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
	}

	@Bean
	ClientAuthenticationLoader partnerApisClientAuthentication(ResourceLoader resourceLoader,
			ObjectProvider<SslBundles> sslBundles) {
		return new ClientAuthenticationLoader(resourceLoader, sslBundles.getIfAvailable());
	}

	/**
	 * The partners' token store: in memory, or, where the application declares the
	 * deprecated {@link PartnerAuthorizedClientServiceFactory}, the Spring Security store
	 * it creates, over the partners' registrations, which are mapped when the store is
	 * first used, after {@link #partnerApis} has validated them.
	 * @param properties the bound {@code partner.*} properties
	 * @param serviceFactory the deprecated factory of a Spring Security store, if the
	 * application declares one
	 * @param clock the application's clock, if it declares one
	 * @return the store that keeps the partners' tokens
	 */
	@Bean
	@ConditionalOnMissingBean
	@SuppressWarnings("removal")
	PartnerTokenStore partnerTokenStore(PartnerApisProperties properties,
			ObjectProvider<PartnerAuthorizedClientServiceFactory> serviceFactory, ObjectProvider<Clock> clock) {
		PartnerAuthorizedClientServiceFactory factory = serviceFactory.getIfUnique();
		if (factory == null || properties.getApis().isEmpty()) {
			return PartnerTokenStore.inMemory(clock.getIfUnique(Clock::systemUTC));
		}
		logger.warn("A PartnerAuthorizedClientServiceFactory bean is deprecated for removal: declare a "
				+ "PartnerTokenStore bean instead, or set 'partner.token-store.type' to 'redis' to share tokens "
				+ "between instances.");
		Supplier<Map<String, ClientRegistration>> registrations = SingletonSupplier.of(() -> {
			Map<String, ClientRegistration> byName = new LinkedHashMap<>();
			properties.getApis()
				.forEach((name, api) -> byName.put(name, new PartnerApiPropertiesMapper(name, api).registration()));
			return byName;
		});
		ReactiveClientRegistrationRepository repository = (id) -> Mono.justOrEmpty(registrations.get().get(id));
		return new AuthorizedClientServiceTokenStore(factory.create(repository), repository);
	}

	/**
	 * Registers the per-partner RestClient beans where Spring Boot's RestClient support
	 * is on the classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
	@Import(PartnerRestClientRegistrar.class)
	static class PartnerRestClientsConfiguration {

	}

	/**
	 * Authorizes the HTTP service groups that call partners. The configurers are lazy:
	 * the registry of HTTP service groups asks for them as it starts, so an application
	 * with groups creates and checks them at start-up, and one without never creates
	 * them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HttpServiceGroupConfigurer.class)
	static class PartnerHttpServiceGroupsConfiguration {

		@Bean
		@Lazy
		@ConditionalOnMissingBean(name = "partnerRestClientHttpServiceGroupConfigurer")
		RestClientHttpServiceGroupConfigurer partnerRestClientHttpServiceGroupConfigurer(
				ObjectProvider<PartnerApis> partnerApis, Environment environment, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ResourceLoader resourceLoader) {
			return groups(partnerApis, environment, sslBundles, httpClientSettings)
				.restClientConfigurer(() -> requestFactoryBuilder
					.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())));
		}

		@Bean
		@Lazy
		@ConditionalOnMissingBean(name = "partnerWebClientHttpServiceGroupConfigurer")
		@ConditionalOnClass(WebClientHttpServiceGroupConfigurer.class)
		WebClientHttpServiceGroupConfigurer partnerWebClientHttpServiceGroupConfigurer(
				ObjectProvider<PartnerApis> partnerApis, Environment environment, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, ResourceLoader resourceLoader) {
			return groups(partnerApis, environment, sslBundles, httpClientSettings)
				.webClientConfigurer(() -> connectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())));
		}

		private static PartnerServiceGroups groups(ObjectProvider<PartnerApis> partnerApis, Environment environment,
				ObjectProvider<SslBundles> sslBundles, ObjectProvider<HttpClientSettings> httpClientSettings) {
			return new PartnerServiceGroups(() -> partnerApis.getObject().getAll(), environment,
					sslBundles.getIfAvailable(), httpClientSettings.getIfAvailable());
		}

	}

}
