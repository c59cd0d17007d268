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

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real Redis server (embedded-redis ships the binary) on a free loopback port, one per
 * test class: register it as a static field with {@code @RegisterExtension}. It keeps
 * nothing on disk, so a restart empties it, and it can be stopped and started again on
 * the same port to play an outage.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

	/**
	 * Lettuce reconnects after this delay rather than backing off up to 30 s, so tests of
	 * outages see Redis again soon after it is back.
	 */
	public static final Duration RECONNECT_DELAY = Duration.ofMillis(100);

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private int port;

	private RedisServer server;

	private RedisClient rawClient;

	private RedisCommands<String, String> raw;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		IOException last = null;
		for (int attempt = 0; attempt < 5 && this.server == null; attempt++) {
			int candidate = freePort();
			RedisServer candidateServer = RedisServer.newRedisServer()
				.port(candidate)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			try {
				candidateServer.start();
				this.port = candidate;
				this.server = candidateServer;
			}
			catch (IOException ex) {
				last = ex;
			}
		}
		if (this.server == null) {
			throw last;
		}
		ClientResources resources = clientResources();
		this.closeables.add(resources::shutdown);
		this.rawClient = RedisClient.create(resources, RedisURI.create("127.0.0.1", this.port));
		StatefulRedisConnection<String, String> connection = this.rawClient.connect();
		this.raw = connection.sync();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.rawClient.shutdown();
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
		this.server.stop();
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stops the server, as an outage would; everything stored is lost.
	 */
	public void stop() throws IOException {
		this.server.stop();
	}

	/**
	 * Starts the server again on the same port.
	 */
	public void start() throws IOException {
		this.server.start();
	}

	/**
	 * Returns commands on a connection of the test's own, to read and write Redis as it
	 * is, past any store.
	 * @return the commands
	 */
	public RedisCommands<String, String> raw() {
		return this.raw;
	}

	/**
	 * Returns how many commands of each name the server has run since the last
	 * {@code CONFIG RESETSTAT}, from {@code INFO commandstats}.
	 * @return calls by command name
	 */
	public Map<String, Long> commandCalls() {
		Map<String, Long> calls = new TreeMap<>();
		for (String line : this.raw.info("commandstats").split("\r?\n")) {
			if (line.startsWith("cmdstat_")) {
				String name = line.substring("cmdstat_".length(), line.indexOf(':'));
				String stats = line.substring(line.indexOf(':') + 1);
				long count = Long.parseLong(stats.substring(stats.indexOf("calls=") + 6, stats.indexOf(',')));
				calls.put(name, count);
			}
		}
		return calls;
	}

	/**
	 * Returns a started connection factory to this server, closed after the test class,
	 * with a short command timeout and a short reconnect delay.
	 * @return the connection factory
	 */
	public LettuceConnectionFactory connectionFactory() {
		ClientResources resources = clientResources();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port),
				LettuceClientConfiguration.builder()
					.clientResources(resources)
					.commandTimeout(Duration.ofSeconds(1))
					.build());
		factory.afterPropertiesSet();
		factory.start();
		this.closeables.add(resources::shutdown);
		this.closeables.add(factory::destroy);
		return factory;
	}

	/**
	 * Returns Spring Boot properties that point an application at this server.
	 * @return the properties
	 */
	public String[] properties() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port,
				"spring.data.redis.timeout=1s", "spring.data.redis.connect-timeout=500ms" };
	}

	/**
	 * Returns a customizer that makes Spring Boot's Lettuce client reconnect after
	 * {@link #RECONNECT_DELAY}.
	 * @return the customizer
	 */
	public static ClientResourcesBuilderCustomizer fastReconnect() {
		return (builder) -> builder.reconnectDelay(Delay.constant(RECONNECT_DELAY));
	}

	private static ClientResources clientResources() {
		return DefaultClientResources.builder().reconnectDelay(Delay.constant(RECONNECT_DELAY)).build();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
