package io.partnerapis.testsupport;

import io.partnerapis.autoconfigure.PartnerApisAutoConfiguration;
import io.partnerapis.autoconfigure.ProviderPresetsEnvironmentPostProcessor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * Context runners with the auto-configurations a partner-apis application has, with
 * Spring Boot's WebClient and RestClient support, and the provider presets applied as
 * {@code SpringApplication} would apply them.
 */
public final class PartnerContexts {

	private PartnerContexts() {
	}

	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PartnerApisAutoConfiguration.class,
					WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					CodecsAutoConfiguration.class, RestClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
			.withInitializer((context) -> ProviderPresetsEnvironmentPostProcessor.applyTo(context.getEnvironment()));
	}

}
