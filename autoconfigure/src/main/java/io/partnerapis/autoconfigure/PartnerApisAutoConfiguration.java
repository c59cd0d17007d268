package io.partnerapis.autoconfigure;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerAuthorizedClientServiceFactory;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.provider.ProviderPresets;

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
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of partner APIs: binds {@code partner.apis.*} over provider
 * presets, validates it, builds the {@link PartnerApis} registry and registers a qualified
 * {@link WebClient} bean per partner.
 *
 * <p>
 * Nothing is published under Spring Security's bean types, so an application's own OAuth2
 * client registrations, authorized-client service and security filter chains stay exactly
 * as Spring Boot configures them.
 *
 * @author partner-apis
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
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TokenFetchObservationConvention> observationConvention,
			PartnerAuthorizedClientServiceFactory storeFactory, ResourceLoader resourceLoader) {
		new PartnerApisPropertiesValidator(ProviderPresets.load()).validate(properties);
		PartnerApiFactory factory = new PartnerApiFactory(() -> webClientBuilder.getIfAvailable(WebClient::builder),
				customizers.orderedStream().toList(),
				connectorBuilder.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
				observationConvention.getIfAvailable(), storeFactory, Clock.systemUTC());
		return factory.create(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	PartnerAuthorizedClientServiceFactory partnerAuthorizedClientServiceFactory() {
		return PartnerAuthorizedClientServiceFactory.inMemory();
	}

}
