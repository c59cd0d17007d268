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

package io.partnerapis.testsupport;

import java.time.Duration;

import io.partnerapis.autoconfigure.PartnerApisAutoConfiguration;
import io.partnerapis.autoconfigure.PartnerApisRedisAutoConfiguration;
import io.partnerapis.autoconfigure.ProviderPresetsEnvironmentPostProcessor;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Context runners with the auto-configurations a partner-apis application has, with
 * Spring Boot's WebClient and RestClient support, and the provider presets applied as
 * {@code SpringApplication} would apply them.
 */
public final class PartnerContexts {

	/**
	 * How long a closing context's event loops wait for late tasks. Reactor Netty's
	 * default, two seconds, made every context take two seconds to close.
	 */
	static final Duration SHUTDOWN_QUIET_PERIOD = Duration.ofMillis(10);

	/**
	 * Bounds the shutdown of a context's event loops, whatever tasks keep arriving.
	 */
	static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

	private PartnerContexts() {
	}

	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(PartnerApisAutoConfiguration.class, PartnerApisRedisAutoConfiguration.class,
							WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
							CodecsAutoConfiguration.class, RestClientAutoConfiguration.class,
							ImperativeHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class))
			.withInitializer((context) -> ProviderPresetsEnvironmentPostProcessor.applyTo(context.getEnvironment()))
			.withInitializer(PartnerContexts::ownReactorResources);
	}

	/**
	 * Gives a context its own Reactor Netty event loops and connection pool instead of
	 * the global ones, as Spring Boot's test support does for {@code @SpringBootTest}, so
	 * that closing it can be quick and safe. Spring's {@link ReactorResourceFactory}
	 * disposes resources it owns in order, the connection pool first and the event loops
	 * after it, so no channel is still closing when the loops stop, and a short quiet
	 * period suffices. With the global resources it disposes both at once: a zero quiet
	 * period there once let the loops terminate under a pool still closing its channels,
	 * and {@code stop()} waited forever.
	 * @param context the context to configure before it is refreshed
	 */
	public static void ownReactorResources(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ReactorResourceFactory factory) {
					factory.setUseGlobalResources(false);
					factory.setShutdownQuietPeriod(SHUTDOWN_QUIET_PERIOD);
					factory.setShutdownTimeout(SHUTDOWN_TIMEOUT);
				}
				return bean;
			}

		});
	}

	/**
	 * Returns a runner like {@link #runner()} with Spring Boot's Redis auto-configuration
	 * pointed at the given server, reconnecting quickly after an outage, and the Redis
	 * token store selected.
	 * @param redis the Redis server
	 * @return the context runner
	 */
	public static ApplicationContextRunner fleet(RedisServerExtension redis) {
		return runner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withBean(ClientResourcesBuilderCustomizer.class, RedisServerExtension::fastReconnect)
			.withPropertyValues(redis.properties())
			.withPropertyValues("partner.token-store.type=redis");
	}

}
