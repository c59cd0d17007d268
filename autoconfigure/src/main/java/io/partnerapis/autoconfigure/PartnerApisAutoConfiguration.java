package io.partnerapis.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerAuthorizedClientServiceFactory;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.provider.ProviderPresets;
import io.partnerapis.store.AuthorizedClientServiceTokenStore;
import io.partnerapis.store.InMemoryPartnerTokenStore;
import io.partnerapis.store.PartnerTokenStore;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of partner APIs: binds {@code partner.apis.*} over provider
 * presets, validates it, builds the {@link PartnerApis} registry and registers a
 * qualified {@link WebClient} bean per partner.
 *
 * <p>
 * Nothing is published under Spring Security's bean types, so an application's own OAuth2
 * client registrations, authorized-client service and security filter chains stay exactly
 * as Spring Boot configures them.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ClientRegistration.class })
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
			ObjectProvider<Clock> clock, ResourceLoader resourceLoader, BeanFactory beanFactory) {
		new PartnerApisPropertiesValidator(ProviderPresets.load()).validate(properties);
		PartnerApiFactory factory = new PartnerApiFactory(() -> webClientBuilder.getIfAvailable(WebClient::builder),
				customizers.orderedStream().toList(),
				connectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				observationConvention.getIfAvailable(), store, properties.getTokenStore().getTimeout(),
				clock.getIfUnique(Clock::systemUTC));
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

}
