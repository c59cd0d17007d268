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

package io.partnerapis.store.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.store.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/**
 * Listens on the channel where every instance sharing a Redis announces the tokens it
 * saves, as {@code <partner>:<fingerprint>}, and hands the keys on. The subscription is
 * made again whenever it fails, and Lettuce renews it after a reconnection; saves
 * announced while Redis was unreachable are not seen. Its listener container is created
 * on first use and destroyed when listening stops.
 */
final class RedisSaveListener {

	private static final Log logger = LogFactory.getLog(RedisSaveListener.class);

	private static final String NOT_CLOSED = "The listener of saved tokens did not close in time or had lost its connection already";

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final String channel;

	private final Duration timeout;

	private final Sinks.Many<TokenKey> saved = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean listening = new AtomicBoolean();

	private final AtomicReference<@Nullable Disposable> listener = new AtomicReference<>();

	private final AtomicReference<@Nullable ReactiveRedisMessageListenerContainer> container = new AtomicReference<>();

	private volatile boolean closed;

	RedisSaveListener(ReactiveRedisConnectionFactory connectionFactory, String channel, Duration timeout) {
		this.connectionFactory = connectionFactory;
		this.channel = channel;
		this.timeout = timeout;
	}

	/**
	 * Returns the message that announces a save of the given key.
	 * @param key the key
	 * @return the message
	 */
	static String message(TokenKey key) {
		return key.partner() + ":" + key.fingerprint();
	}

	Flux<TokenKey> saves() {
		return this.saved.asFlux();
	}

	boolean isListening() {
		return this.listening.get();
	}

	/**
	 * Starts listening, unless it listens already or was closed.
	 */
	void listen() {
		if (!this.closed && this.listening.compareAndSet(false, true)) {
			Disposable subscription = Flux.defer(this::receive)
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2)))
				.repeatWhen((completions) -> completions.delayElements(Duration.ofSeconds(1)))
				.subscribe((message) -> announce(message.getMessage()));
			this.listener.set(subscription);
			if (!this.listening.get() && this.listener.compareAndSet(subscription, null)) {
				subscription.dispose();
			}
		}
	}

	/**
	 * Stops listening: first the listener's connection, within the store's timeout, then
	 * the subscription, which would otherwise subscribe again. A listener that does not
	 * close in time (Redis is down) is left to the connection factory, which closes its
	 * connections when it stops.
	 */
	void stop() {
		this.listening.set(false);
		Disposable subscription = this.listener.getAndSet(null);
		destroy(this.container.getAndSet(null));
		if (subscription != null) {
			subscription.dispose();
		}
	}

	/**
	 * Stops listening for good, completing {@link #saves()}.
	 */
	void close() {
		this.closed = true;
		stop();
		this.saved.tryEmitComplete();
	}

	private Flux<ReactiveSubscription.Message<String, String>> receive() {
		ReactiveRedisMessageListenerContainer container = this.listening.get() ? container() : null;
		return (container != null) ? container.receive(ChannelTopic.of(this.channel)) : Flux.empty();
	}

	private void destroy(@Nullable ReactiveRedisMessageListenerContainer container) {
		if (container != null) {
			try {
				container.destroyLater().timeout(this.timeout).block();
			}
			catch (RuntimeException ex) {
				logger.debug(NOT_CLOSED, ex);
			}
		}
	}

	/**
	 * Returns the listener container, created on first use. A container created while a
	 * stop runs is destroyed at once rather than kept: the stop sets {@code listening}
	 * before it takes the container, and the creator reads {@code listening} after it set
	 * the container, so one of them always sees the other.
	 * @return the container, or {@code null} when the listener is stopped
	 */
	private @Nullable ReactiveRedisMessageListenerContainer container() {
		ReactiveRedisMessageListenerContainer existing = this.container.get();
		if (existing != null) {
			return existing;
		}
		ReactiveRedisMessageListenerContainer created = new ReactiveRedisMessageListenerContainer(
				this.connectionFactory);
		if (!this.container.compareAndSet(null, created)) {
			destroyLater(created);
			return this.container.get();
		}
		if (!this.listening.get()) {
			if (this.container.compareAndSet(created, null)) {
				destroyLater(created);
			}
			return null;
		}
		return created;
	}

	/**
	 * Destroys a container without waiting: the creator may run on a Reactor thread
	 * (after a retry's back-off), where blocking is refused.
	 * @param container the container to destroy
	 */
	private void destroyLater(ReactiveRedisMessageListenerContainer container) {
		container.destroyLater().timeout(this.timeout).subscribe(null, (ex) -> logger.debug(NOT_CLOSED, ex));
	}

	private void announce(String message) {
		int colon = message.lastIndexOf(':');
		if (colon > 0 && colon < message.length() - 1) {
			this.saved.tryEmitNext(new TokenKey(message.substring(0, colon), message.substring(colon + 1)));
		}
	}

	@Override
	public String toString() {
		return "RedisSaveListener[channel=" + this.channel + ", listening=" + this.listening.get() + "]";
	}

}
