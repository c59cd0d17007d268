package io.partnerapis.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerAuthorizedClientServiceFactory;
import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.store.AuthorizedClientServiceTokenStore;
import io.partnerapis.store.InMemoryPartnerTokenStore;
import io.partnerapis.store.PartnerTokenStore;

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
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of partner APIs: binds {@code partner.apis.*} over provider
 * presets, validates it, builds the {@link PartnerApis} registry and registers a
 * qualified {@link WebClient} bean per partner, and a qualified {@link RestClient} bean
 * per partner where Spring Boot's RestClient support ({@code spring-boot-restclient}) is
 * on the classpath. HTTP service groups that call partners are authorized too.
 *
 * <p>
 * Nothing is published under Spring Security's bean types, so an application's own OAuth2
 * client registrations, authorized-client service and security filter chains stay exactly
 * as Spring Boot configures them.
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

	@Bean
	@ConditionalOnMissingBean
	PartnerApis partnerApis(PartnerApisProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<PartnerWebClientCustomizer> customizers,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TokenFetchObservationConvention> observationConvention, PartnerTokenStore store,
			ObjectProvider<Clock> clock, ResourceLoader resourceLoader,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<PartnerRestClientCustomizer> restClientCustomizers,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder, BeanFactory beanFactory) {
		new PartnerApisPropertiesValidator(ProviderPresets.load()).validate(properties);
		Clock partnerClock = clock.getIfUnique(Clock::systemUTC);
		PartnerApiFactory factory = new PartnerApiFactory(() -> webClientBuilder.getIfAvailable(WebClient::builder),
				customizers.orderedStream().toList(),
				connectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				observationConvention.getIfAvailable(), store, properties.getTokenStore().getTimeout(), partnerClock,
				new PartnerRestClients(() -> restClientBuilder.getIfAvailable(RestClient::builder),
						() -> restClientCustomizers.orderedStream().toList(),
						() -> requestFactoryBuilder.getIfAvailable(
								() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())),
						() -> httpClientSettings.getIfAvailable(HttpClientSettings::defaults)),
				new ClientAuthenticationLoader(resourceLoader,
						beanFactory.getBeanProvider(SslBundles.class).getIfAvailable(), partnerClock));
		PartnerApis apis = factory.create(properties);
		PartnerWebClientRegistrar.warnAboutPartnersWithoutBean(apis, beanFactory);
		return apis;
	}

	/**
	 * The partners' token store: in memory, or, where the application declares a
	 * {@link PartnerAuthorizedClientServiceFactory}, the Spring Security store it
	 * creates.
	 */
	@Bean
	@ConditionalOnMissingBean
	PartnerTokenStore partnerTokenStore(PartnerApisProperties properties,
			ObjectProvider<PartnerAuthorizedClientServiceFactory> serviceFactory, ObjectProvider<Clock> clock) {
		PartnerAuthorizedClientServiceFactory factory = serviceFactory.getIfUnique();
		if (factory == null || properties.getApis().isEmpty()) {
			return new InMemoryPartnerTokenStore(clock.getIfUnique(Clock::systemUTC));
		}
		new PartnerApisPropertiesValidator(ProviderPresets.load()).validate(properties);
		List<ClientRegistration> registrations = new ArrayList<>();
		properties.getApis()
			.forEach((name, api) -> registrations.add(new PartnerApiPropertiesMapper(name, api).registration()));
		InMemoryReactiveClientRegistrationRepository repository = new InMemoryReactiveClientRegistrationRepository(
				registrations);
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
	 * Authorizes the HTTP service groups that call partners.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HttpServiceGroupConfigurer.class)
	static class PartnerHttpServiceGroupsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PartnerRestClientHttpServiceGroupConfigurer partnerRestClientHttpServiceGroupConfigurer(
				ObjectProvider<PartnerApis> partnerApis, Environment environment, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ResourceLoader resourceLoader) {
			return new PartnerRestClientHttpServiceGroupConfigurer(
					groups(partnerApis, environment, sslBundles, httpClientSettings), () -> requestFactoryBuilder
						.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnClass(WebClientHttpServiceGroupConfigurer.class)
		PartnerWebClientHttpServiceGroupConfigurer partnerWebClientHttpServiceGroupConfigurer(
				ObjectProvider<PartnerApis> partnerApis, Environment environment, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, ResourceLoader resourceLoader) {
			return new PartnerWebClientHttpServiceGroupConfigurer(
					groups(partnerApis, environment, sslBundles, httpClientSettings), () -> connectorBuilder
						.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())));
		}

		private static PartnerServiceGroups groups(ObjectProvider<PartnerApis> partnerApis, Environment environment,
				ObjectProvider<SslBundles> sslBundles, ObjectProvider<HttpClientSettings> httpClientSettings) {
			return new PartnerServiceGroups(partnerApis::getObject, environment, sslBundles.getIfAvailable(),
					httpClientSettings.getIfAvailable());
		}

	}

}
