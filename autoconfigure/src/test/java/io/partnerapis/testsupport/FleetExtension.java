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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What a fleet scenario runs against: one real Redis server per test class and one
 * WireMock partner per test. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class FleetExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

	/**
	 * Token request settings that make the store lease short: one attempt of two seconds.
	 */
	public static final Map<String, String> SHORT_TOKEN_REQUESTS = Map.of("token.response-timeout", "2s",
			"token.max-retries", "0");

	private final RedisServerExtension redis = new RedisServerExtension();

	private PartnerStub partner;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.redis.beforeAll(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.partner != null) {
			this.partner.close();
			this.partner = null;
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.redis.afterAll(context);
	}

	public RedisServerExtension redis() {
		return this.redis;
	}

	/**
	 * Calls {@code GET /things} through partner {@code acme}'s WebClient of one instance,
	 * expects 200, and returns the {@code Authorization} header the partner received with
	 * it.
	 * @param instance the instance
	 * @return the header the call presented
	 */
	public String presented(ApplicationContext instance) {
		return partner().presented(instance.getBean("acmeWebClient", WebClient.class), "/things");
	}

	/**
	 * Returns what Redis holds under one of the keys of partner {@code acme}'s token, as
	 * {@link #instance(Map)} configures it.
	 * @param kind {@code token}, {@code lease} or {@code count:<yyyy-MM>}
	 * @return the value, or {@code null}
	 */
	public String stored(String kind) {
		return this.redis.raw().get(redisKey(kind));
	}

	/**
	 * Returns the Redis key of one of the keys of partner {@code acme}'s token, as
	 * {@link #instance(Map)} configures it.
	 * @param kind {@code token}, {@code lease} or {@code count:<yyyy-MM>}
	 * @return the Redis key
	 */
	public String redisKey(String kind) {
		return "partner-apis:acme:" + partner().tokenKey("acme").fingerprint() + ":" + kind;
	}

	/**
	 * Returns this test's partner, started on first use.
	 * @return the partner
	 */
	public PartnerStub partner() {
		if (this.partner == null) {
			this.partner = new PartnerStub();
		}
		return this.partner;
	}

	/**
	 * Returns the Redis key of the given kind that the fleet's instances use for partner
	 * {@code acme}, as an instance writes it, whatever goes into the key's fingerprint: a
	 * probe instance calls {@code GET path} once, which fetches and saves a token (one
	 * token request), the token's key is read, and Redis is emptied again.
	 * @param kind {@code token}, {@code lease} or {@code count:<yyyy-MM>}
	 * @param path an API path the partner answers
	 * @param extra extra {@code partner.apis.acme.*} properties, as the fleet has them
	 * @return the Redis key
	 */
	public String redisKey(String kind, String path, Map<String, String> extra) {
		instance(extra).run((probe) -> PartnerStub.call(probe.getBean("acmeWebClient", WebClient.class), path));
		List<String> tokens = this.redis.raw().keys("*:acme:*:token");
		if (tokens.size() != 1) {
			throw new IllegalStateException("Expected one token key in Redis, found " + tokens);
		}
		this.redis.raw().flushall();
		String token = tokens.get(0);
		return token.substring(0, token.length() - "token".length()) + kind;
	}

	/**
	 * Returns a runner for one instance of the fleet: partner {@code acme} pointed at the
	 * partner stub, with {@link #SHORT_TOKEN_REQUESTS} and the given extra partner
	 * properties, and the Redis token store on the Redis server.
	 * @param extra extra {@code partner.apis.acme.*} properties
	 * @return the runner
	 */
	public ApplicationContextRunner instance(Map<String, String> extra) {
		Map<String, String> properties = new java.util.LinkedHashMap<>(SHORT_TOKEN_REQUESTS);
		properties.putAll(extra);
		return PartnerContexts.fleet(this.redis).withPropertyValues(partner().properties("acme", properties));
	}

	/**
	 * Starts {@code size} instances, one after the other, runs the test with all of them,
	 * and closes them.
	 * @param size how many instances
	 * @param extra extra {@code partner.apis.acme.*} properties
	 * @param test the test
	 */
	public void run(int size, Map<String, String> extra, Fleet.FleetTest test) {
		start(instance(extra), size, new ArrayList<>(), test);
	}

	private static void start(ApplicationContextRunner runner, int size, List<AssertableApplicationContext> started,
			Fleet.FleetTest test) {
		if (started.size() == size) {
			try {
				test.run(new Fleet(List.copyOf(started)));
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
			return;
		}
		runner.run((context) -> {
			started.add(context);
			start(runner, size, started, test);
		});
	}

}
