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
import java.time.Duration;

import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import io.partnerapis.store.redis.RedisPartnerTokenStore;
import io.partnerapis.store.redis.TestEncryptionKeys;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerApisRedisAutoConfiguration}.
 */
class PartnerApisRedisAutoConfigurationTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final ApplicationContextRunner contextRunner = PartnerContexts.fleet(redis)
		.withPropertyValues("partner.apis.acme.client-id=client-acme", "partner.apis.acme.client-secret=secret-acme",
				"partner.apis.acme.token-uri=http://127.0.0.1:1/oauth/token",
				"partner.apis.acme.base-url=http://127.0.0.1:1");

	@Test
	void redisTypeProvidesTheRedisStoreThatTalksToBootsRedisConnection() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PartnerTokenStore.class).hasSingleBean(RedisPartnerTokenStore.class);
			PartnerTokenStore store = context.getBean(PartnerTokenStore.class);
			TokenKey key = new TokenKey("acme", "0123456789abcdef");
			store
				.save(key,
						new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1",
								java.time.Instant.now(), java.time.Instant.now().plusSeconds(60)), null))
				.block(Duration.ofSeconds(5));
			assertThat(redis.raw().exists("partner-apis:acme:0123456789abcdef:token")).isEqualTo(1);
		});
	}

	@Test
	void keyPrefixAndEncryptionKeyAreApplied() {
		String key = TestEncryptionKeys.generate();
		this.contextRunner
			.withPropertyValues("partner.token-store.key-prefix=fleet-a", "partner.token-store.encryption-key=" + key)
			.run((context) -> {
				PartnerTokenStore store = context.getBean(PartnerTokenStore.class);
				assertThat(store).hasToString("RedisPartnerTokenStore[prefix=fleet-a, encrypted=true]");
				store
					.save(new TokenKey("acme", "abc"),
							new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1",
									java.time.Instant.now(), java.time.Instant.now().plusSeconds(60)), null))
					.block(Duration.ofSeconds(5));
				assertThat(redis.raw().get("fleet-a:acme:abc:token"))
					.contains(" " + TestEncryptionKeys.keyId(key) + " ");
			});
	}

	@Test
	void memoryIsTheDefault() {
		PartnerContexts.runner().run((context) -> {
			assertThat(context).hasSingleBean(PartnerTokenStore.class).doesNotHaveBean(RedisPartnerTokenStore.class);
			assertThat(context.getBean(PartnerTokenStore.class).getClass())
				.isSameAs(PartnerTokenStore.inMemory(Clock.systemUTC()).getClass());
		});
	}

	@Test
	void userStoreBeanIsKept() {
		this.contextRunner
			.withBean("myStore", PartnerTokenStore.class, () -> PartnerTokenStore.inMemory(Clock.systemUTC()))
			.run((context) -> assertThat(context).hasSingleBean(PartnerTokenStore.class)
				.hasBean("myStore")
				.doesNotHaveBean(RedisPartnerTokenStore.class));
	}

	@Test
	void redisTypeWithoutSpringDataRedisFailsNamingThePropertyAndTheDependency() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis")).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new PartnerApiConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'partner.token-store.type' is 'redis'")
				.contains("Spring Data Redis is not on the classpath");
			assertThat(analysis.getAction())
				.contains("org.springframework.boot:spring-boot-starter-data-redis-reactive")
				.contains("'partner.token-store.type' to 'memory'");
		});
	}

	@Test
	void redisTypeWithoutAReactiveConnectionFactoryFailsNamingTheFix() {
		PartnerContexts.runner().withPropertyValues("partner.token-store.type=redis").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new PartnerApiConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("there is no ReactiveRedisConnectionFactory bean");
			assertThat(analysis.getAction()).contains("'partner.token-store.type' to 'memory'");
		});
	}

	@Test
	void encryptionKeyOfTheWrongLengthFailsWithoutShowingIt() {
		String shortKey = "c2hvcnQta2V5LXZhbHVlLTEy";
		this.contextRunner.withPropertyValues("partner.token-store.encryption-key=" + shortKey).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new PartnerApiConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.contains("partner.token-store.encryption-key: The encryption key decodes to 18 bytes where 32")
				.doesNotContain(shortKey);
			assertThat(analysis.getAction()).contains("openssl rand -base64 32");
		});
	}

	@Test
	void previousKeysWithoutACurrentKeyFail() {
		this.contextRunner
			.withPropertyValues("partner.token-store.previous-encryption-keys=" + TestEncryptionKeys.generate())
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'partner.token-store.encryption-key' is missing"));
	}

	@Test
	void storeTimeoutMustBePositive() {
		this.contextRunner.withPropertyValues("partner.token-store.timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'partner.token-store.timeout' is PT0S, which is not positive"));
	}

}
