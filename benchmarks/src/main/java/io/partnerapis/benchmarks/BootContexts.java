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

package io.partnerapis.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerapis.autoconfigure.PartnerApisAutoConfiguration;
import io.partnerapis.autoconfigure.PartnerApisRedisAutoConfiguration;
import io.partnerapis.autoconfigure.ProviderPresetsEnvironmentPostProcessor;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/**
 * Application contexts with the auto-configurations a WebClient application has, with or
 * without the partner-apis starter. Every contender takes its {@code WebClient.Builder}
 * from such a context, so all of them share Spring Boot's connector and connection pool
 * settings.
 */
final class BootContexts {

	private BootContexts() {
	}

	/**
	 * Starts a context. With the starter, the provider presets are applied as
	 * {@code SpringApplication} applies them, which a bare context does not.
	 * @param starter whether the partner-apis auto-configuration is included
	 * @param properties the application's properties
	 * @param extra further configuration classes, such as hand-wired stock beans
	 * @return the refreshed context
	 */
	static ConfigurableApplicationContext start(boolean starter, Map<String, Object> properties, Class<?>... extra) {
		return start(starter ? WithStarter.class : WithoutStarter.class, properties, extra);
	}

	/**
	 * Starts a context as {@link #start(boolean, Map, Class...)} does, or, with
	 * {@code jackson}, with Spring Boot's Jackson auto-configuration as well, as a
	 * WebClient application built with Boot's starters has: its JSON mapper bean is then
	 * what every WebClient's JSON codecs use, instead of a mapper of their own.
	 * @param starter whether the partner-apis auto-configuration is included
	 * @param jackson whether Spring Boot's Jackson auto-configuration is included
	 * @param properties the application's properties
	 * @param extra further configuration classes, such as hand-wired stock beans
	 * @return the refreshed context
	 */
	static ConfigurableApplicationContext start(boolean starter, boolean jackson, Map<String, Object> properties,
			Class<?>... extra) {
		if (!jackson) {
			return start(starter, properties, extra);
		}
		return start(starter ? WithStarterAndJackson.class : WithoutStarterAndJackson.class, properties, extra);
	}

	/**
	 * Starts a context without the starter but with Spring Boot's reactive OAuth2 client
	 * auto-configuration, which binds {@code spring.security.oauth2.client.*} properties
	 * into a client registration repository and an authorized-client service: stock
	 * Spring Security configured the way Spring Boot documents.
	 * @param jackson whether Spring Boot's Jackson auto-configuration is included
	 * @param properties the application's properties
	 * @param extra further configuration classes
	 * @return the refreshed context
	 */
	static ConfigurableApplicationContext startStockFromProperties(boolean jackson, Map<String, Object> properties,
			Class<?>... extra) {
		return start(jackson ? OAuth2ClientAndJackson.class : OAuth2Client.class, properties, extra);
	}

	/**
	 * Returns the {@code spring.security.oauth2.client.*} properties that configure one
	 * client-credentials registration, as a user of stock Spring Security writes them.
	 * @param name the registration id
	 * @param tokenUri the token URI
	 * @return the properties
	 */
	static Map<String, Object> stockProperties(String name, String tokenUri) {
		Map<String, Object> properties = new LinkedHashMap<>();
		String registration = "spring.security.oauth2.client.registration." + name + ".";
		properties.put(registration + "client-id", LoopbackPartner.CLIENT_ID);
		properties.put(registration + "client-secret", LoopbackPartner.CLIENT_SECRET);
		properties.put(registration + "authorization-grant-type", "client_credentials");
		properties.put("spring.security.oauth2.client.provider." + name + ".token-uri", tokenUri);
		return properties;
	}

	/**
	 * Starts a context of a servlet-side application, with Spring Boot's RestClient
	 * support.
	 * @param starter whether the partner-apis auto-configuration is included
	 * @param properties the application's properties
	 * @return the refreshed context
	 */
	static ConfigurableApplicationContext startServlet(boolean starter, Map<String, Object> properties) {
		return start(starter ? ServletWithStarter.class : ServletWithoutStarter.class, properties);
	}

	/**
	 * Starts a context with the partner-apis starter and Spring Boot's Redis
	 * auto-configuration, as an application of a fleet on Redis has.
	 * @param properties the application's properties
	 * @return the refreshed context
	 */
	static ConfigurableApplicationContext startWithRedis(Map<String, Object> properties) {
		return start(WithStarterAndRedis.class, properties);
	}

	private static ConfigurableApplicationContext start(Class<?> configuration, Map<String, Object> properties,
			Class<?>... extra) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
		if (configuration == WithStarter.class || configuration == WithStarterAndJackson.class
				|| configuration == WithStarterAndRedis.class || configuration == ServletWithStarter.class) {
			ProviderPresetsEnvironmentPostProcessor.applyTo(context.getEnvironment());
		}
		context.register(configuration);
		if (extra.length > 0) {
			context.register(extra);
		}
		context.refresh();
		return context;
	}

	/**
	 * Returns the properties that configure one partner, as a user writes them.
	 * @param name the partner's name
	 * @param partner the server that plays it
	 * @return the properties
	 */
	static Map<String, Object> partnerProperties(String name, LoopbackPartner partner) {
		Map<String, Object> properties = new LinkedHashMap<>();
		String prefix = "partner.apis." + name + ".";
		properties.put(prefix + "client-id", LoopbackPartner.CLIENT_ID);
		properties.put(prefix + "client-secret", LoopbackPartner.CLIENT_SECRET);
		properties.put(prefix + "token-uri", partner.tokenUri());
		properties.put(prefix + "base-url", partner.baseUrl());
		return properties;
	}

	/**
	 * The auto-configurations of a WebClient application with the partner-apis starter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PartnerApisAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class })
	static class WithStarter {

	}

	/**
	 * The auto-configurations of a WebClient application with the partner-apis starter
	 * and Spring Boot's Jackson support.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PartnerApisAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class, JacksonAutoConfiguration.class })
	static class WithStarterAndJackson {

	}

	/**
	 * The auto-configurations of a WebClient application with Spring Boot's Jackson
	 * support, without the starter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			CodecsAutoConfiguration.class, JacksonAutoConfiguration.class })
	static class WithoutStarterAndJackson {

	}

	/**
	 * The auto-configurations of a WebClient application with Spring Boot's reactive
	 * OAuth2 client support instead of the starter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			CodecsAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class })
	static class OAuth2Client {

	}

	/**
	 * The auto-configurations of a WebClient application with Spring Boot's reactive
	 * OAuth2 client and Jackson support.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			CodecsAutoConfiguration.class, ReactiveOAuth2ClientAutoConfiguration.class,
			JacksonAutoConfiguration.class })
	static class OAuth2ClientAndJackson {

	}

	/**
	 * The auto-configurations of a WebClient application with the starter and Spring Data
	 * Redis.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PartnerApisAutoConfiguration.class, PartnerApisRedisAutoConfiguration.class,
			DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
			WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			CodecsAutoConfiguration.class })
	static class WithStarterAndRedis {

	}

	/**
	 * The auto-configurations of a WebClient application without the starter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			CodecsAutoConfiguration.class })
	static class WithoutStarter {

	}

	/**
	 * The auto-configurations of a servlet-side application with the partner-apis
	 * starter: Spring Boot's RestClient support beside the WebClient's.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PartnerApisAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class, RestClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class })
	static class ServletWithStarter {

	}

	/**
	 * The auto-configurations of a servlet-side application without the starter.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ RestClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			HttpClientAutoConfiguration.class })
	static class ServletWithoutStarter {

	}

}
