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
import java.util.List;

import io.partnerapis.PartnerApisProperties;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.redis.RedisPartnerTokenStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the Redis token store that a fleet of instances shares, when
 * {@code partner.token-store.type} is {@code redis}. It uses the reactive Redis
 * connection Spring Boot configures from {@code spring.data.redis.*}, and fails at
 * start-up, naming the dependency to add, when Spring Data Redis is missing.
 *
 * @since 0.2.0
 */
@AutoConfiguration(before = PartnerApisAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnProperty(prefix = "partner.token-store", name = "type", havingValue = "redis")
@EnableConfigurationProperties(PartnerApisProperties.class)
public final class PartnerApisRedisAutoConfiguration {

	private static final String TYPE_PROPERTY = "partner.token-store.type";

	private static final String ENCRYPTION_KEY_PROPERTY = "partner.token-store.encryption-key";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")
	static class RedisTokenStoreConfiguration {

		/**
		 * The Redis store. It takes the connection factory as a direct dependency, so
		 * that the context closes the store, and its subscription, before the connection.
		 * @param properties the bound {@code partner.*} properties
		 * @param connectionFactory the reactive Redis connection factory Spring Boot
		 * configures
		 * @param clock the application's clock, if it declares one
		 * @return the store that shares tokens through Redis
		 */
		@Bean
		@ConditionalOnMissingBean(PartnerTokenStore.class)
		@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
		RedisPartnerTokenStore redisPartnerTokenStore(PartnerApisProperties properties,
				ReactiveRedisConnectionFactory connectionFactory, ObjectProvider<Clock> clock) {
			PartnerApisProperties.TokenStore store = properties.getTokenStore();
			String key = encryptionKey(store);
			try {
				return new RedisPartnerTokenStore(connectionFactory, store.getKeyPrefix(), store.getTimeout(), key,
						store.getPreviousEncryptionKeys(), clock.getIfUnique(Clock::systemUTC));
			}
			catch (IllegalArgumentException ex) {
				String problem = (ex.getMessage() != null) ? ex.getMessage() : "is not a usable key";
				throw new PartnerApiConfigurationException(
						List.of(new Problem(ENCRYPTION_KEY_PROPERTY, problem, "Set '" + ENCRYPTION_KEY_PROPERTY
								+ "' (and any previous keys) to base64 of 32 random bytes: openssl rand -base64 32")));
			}
		}

		@Bean
		@ConditionalOnMissingBean({ PartnerTokenStore.class, ReactiveRedisConnectionFactory.class })
		PartnerTokenStore redisPartnerTokenStoreWithoutConnection() {
			throw PartnerApiConfigurationException.tokenStoreUnavailable(TYPE_PROPERTY,
					"'" + TYPE_PROPERTY + "' is 'redis', but there is no ReactiveRedisConnectionFactory bean to "
							+ "reach Redis with.",
					"Let Spring Boot create it with Lettuce (remove 'spring.data.redis.client-type: jedis'), "
							+ "declare a ReactiveRedisConnectionFactory bean, or set '" + TYPE_PROPERTY
							+ "' to 'memory'.");
		}

		private static @Nullable String encryptionKey(PartnerApisProperties.TokenStore store) {
			String key = store.getEncryptionKey();
			if (key == null || key.isBlank()) {
				if (!store.getPreviousEncryptionKeys().isEmpty()) {
					throw new PartnerApiConfigurationException(List.of(new Problem(ENCRYPTION_KEY_PROPERTY,
							"is missing while 'partner.token-store.previous-encryption-keys' is set",
							"Set '" + ENCRYPTION_KEY_PROPERTY + "' to the current key; previous keys are only read.")));
				}
				return null;
			}
			return key;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.ReactiveRedisConnectionFactory")
	static class MissingSpringDataRedisConfiguration {

		@Bean
		@ConditionalOnMissingBean(PartnerTokenStore.class)
		PartnerTokenStore redisPartnerTokenStore() {
			throw PartnerApiConfigurationException.tokenStoreUnavailable(TYPE_PROPERTY,
					"'" + TYPE_PROPERTY + "' is 'redis', but Spring Data Redis is not on the classpath.",
					"Add 'org.springframework.boot:spring-boot-starter-data-redis-reactive' (or "
							+ "'spring-boot-starter-data-redis') to the application's dependencies, or set '"
							+ TYPE_PROPERTY + "' to 'memory'.");
		}

	}

}
