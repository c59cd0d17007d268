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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.Assert;

/**
 * {@link PartnerTokenStore} that a fleet of instances shares through Redis, on Spring
 * Data Redis's reactive API. A token's {@linkplain #key entries} live under
 * {@code <prefix>:<partner>:<fingerprint>:}, its value {@linkplain RedisTokenCodec
 * encoded} and encrypted when an encryption key is given; saves are announced on
 * {@code <prefix>:saves}, and each operation that reads then writes is one
 * {@linkplain RedisTokenScripts atomic script}. Every operation fails after the
 * configured timeout.
 *
 * @since 0.2.0
 */
public final class RedisPartnerTokenStore implements PartnerTokenStore, SmartLifecycle, AutoCloseable {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final String channel;

	private final Duration timeout;

	private final RedisTokenCodec codec;

	private final RedisSaveListener listener;

	private final Clock clock;

	private final UnreadableTokens unreadable;

	/**
	 * Creates a store.
	 * @param connectionFactory the reactive connection to Redis
	 * @param keyPrefix the prefix of every key and of the channel
	 * @param timeout how long any one operation may take before it fails
	 * @param encryptionKey base64 of 32 random bytes that tokens are encrypted with, or
	 * {@code null} to store them in clear
	 * @param previousEncryptionKeys keys used before the current one, which tokens
	 * already stored are still read with
	 * @param clock the clock to compute expiries from
	 * @throws IllegalArgumentException naming which key is not base64 of 32 bytes, and
	 * never its value, or when previous keys are given without a current one
	 */
	public RedisPartnerTokenStore(ReactiveRedisConnectionFactory connectionFactory, String keyPrefix, Duration timeout,
			@Nullable String encryptionKey, List<String> previousEncryptionKeys, Clock clock) {
		this(connectionFactory, keyPrefix, timeout, encryption(encryptionKey, previousEncryptionKeys), clock);
	}

	RedisPartnerTokenStore(ReactiveRedisConnectionFactory connectionFactory, String keyPrefix, Duration timeout,
			@Nullable TokenEncryption encryption, Clock clock) {
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.prefix = keyPrefix;
		this.channel = keyPrefix + ":saves";
		this.timeout = timeout;
		this.codec = new RedisTokenCodec(encryption);
		this.unreadable = new UnreadableTokens(this.codec);
		this.listener = new RedisSaveListener(connectionFactory, this.channel, timeout);
		this.clock = clock;
	}

	private static @Nullable TokenEncryption encryption(@Nullable String key, List<String> previousKeys) {
		if (key == null) {
			Assert.isTrue(previousKeys.isEmpty(), "Previous encryption keys are only read: give the current key too");
			return null;
		}
		return TokenEncryption.of(key, previousKeys);
	}

	@Override
	public Mono<StoredToken> load(TokenKey key) {
		String redisKey = key(key, "token");
		return bounded(this.redis.opsForValue().get(redisKey)).mapNotNull((value) -> {
			String foreign = this.codec.foreignKeyId(value);
			if (foreign != null) {
				this.unreadable.found(key, foreign);
				return null;
			}
			StoredToken token = this.codec.decode(redisKey, value);
			if (token != null) {
				this.unreadable.readable(key);
			}
			return token;
		});
	}

	/**
	 * Returns why the token Redis holds for the key was written with a key this instance
	 * does not have, as the last load or save found.
	 * @param key the key
	 * @return the reason, naming the key id and the properties to align, or {@code null}
	 */
	@Override
	public @Nullable String readProblem(TokenKey key) {
		return this.unreadable.problem(key);
	}

	/**
	 * Saves a token and announces it, unless Redis holds one under the key that this
	 * instance cannot read (another encryption key, or none): instances whose keys
	 * disagree never overwrite each other's tokens, each using its own from memory.
	 */
	@Override
	public Mono<Void> save(TokenKey key, StoredToken token) {
		String redisKey = key(key, "token");
		Instant expiresAt = token.accessToken().getExpiresAt();
		long ttl = (expiresAt != null) ? Duration.between(this.clock.instant(), expiresAt).toMillis() : 0;
		if (expiresAt != null && ttl <= 0) {
			return Mono.empty();
		}
		List<String> arguments = new ArrayList<>(List.of(this.codec.encode(redisKey, token), Long.toString(ttl),
				this.channel, RedisSaveListener.message(key)));
		arguments.addAll(this.codec.readableIds());
		return bounded(this.redis.execute(RedisTokenScripts.SAVE, List.of(redisKey), arguments).next())
			.doOnNext((found) -> {
				if (found.isEmpty()) {
					this.unreadable.readable(key);
				}
				else {
					this.unreadable.found(key, found);
				}
			})
			.then();
	}

	@Override
	public Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue) {
		return bounded(this.redis
			.execute(RedisTokenScripts.REMOVE_IF_DIGEST, List.of(key(key, "token")),
					List.of(RedisTokenCodec.digest(rejectedTokenValue)))
			.next()).map((removed) -> removed > 0);
	}

	@Override
	public Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive) {
		return bounded(this.redis
			.execute(RedisTokenScripts.LEASE, List.of(key(key, "lease")),
					List.of(holder, Long.toString(timeToLive.toMillis())))
			.next()).map((granted) -> granted == 1L);
	}

	@Override
	public Mono<Void> releaseLease(TokenKey key, String holder) {
		return bounded(
				this.redis.execute(RedisTokenScripts.RELEASE_IF_HELD, List.of(key(key, "lease")), List.of(holder))
					.next())
			.then();
	}

	/**
	 * Returns the lease's time to live as Redis counts it ({@code PTTL}): zero when no
	 * lease is held, empty for a lease without expiry, which no instance writes.
	 */
	@Override
	public Mono<Duration> leaseRemaining(TokenKey key) {
		return bounded(
				this.redis.execute(RedisTokenScripts.LEASE_TIME_LEFT, List.of(key(key, "lease")), List.of()).next())
			.filter((millis) -> millis != -1L)
			.map((millis) -> Duration.ofMillis(Math.max(millis, 0)));
	}

	@Override
	public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
		long keepUntil = month.plusMonths(2).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
		return bounded(this.redis
			.execute(RedisTokenScripts.RESERVE, List.of(countKey(key, month)),
					List.of(Long.toString(keepUntil), Long.toString(limit)))
			.next()).map((count) -> (count > 0) ? new Reservation(true, count) : new Reservation(false, -1 - count));
	}

	@Override
	public Mono<Long> release(TokenKey key, YearMonth month) {
		return bounded(this.redis.execute(RedisTokenScripts.RELEASE, List.of(countKey(key, month)), List.of()).next());
	}

	@Override
	public Mono<Long> issued(TokenKey key, YearMonth month) {
		return bounded(this.redis.opsForValue().get(countKey(key, month))).map(Long::parseLong).defaultIfEmpty(0L);
	}

	/**
	 * Returns the keys of tokens saved by any instance sharing this Redis, as
	 * {@link RedisSaveListener} hears them from the context's start or the first call.
	 * @return the keys of saved tokens
	 */
	@Override
	public Flux<TokenKey> saves() {
		this.listener.listen();
		return this.listener.saves();
	}

	/**
	 * Starts listening for saves before the first call needs them.
	 */
	@Override
	public void start() {
		this.listener.listen();
	}

	/**
	 * Stops listening for saves before the connection factory stops: a store's phase is
	 * later than the factory's, so it stops first.
	 */
	@Override
	public void stop() {
		this.listener.stop();
	}

	@Override
	public boolean isRunning() {
		return this.listener.isListening();
	}

	/**
	 * Stops listening for saves for good, closing the listener's connection before this
	 * returns.
	 */
	@Override
	public void close() {
		this.listener.close();
	}

	/**
	 * Returns the Redis key of a token key's entry of the given kind. No entry holds a
	 * credential, and only the token's holds a token.
	 * @param key the token key
	 * @param kind {@code token} (expiring with the token), {@code lease} (the instance
	 * fetching the next token) or {@code count:<yyyy-MM>} (a quota month's requests, kept
	 * two months)
	 * @return the Redis key
	 */
	String key(TokenKey key, String kind) {
		return this.prefix + ":" + key.partner() + ":" + key.fingerprint() + ":" + kind;
	}

	private String countKey(TokenKey key, YearMonth month) {
		return key(key, "count:" + MONTH.format(month));
	}

	private <T> Mono<T> bounded(Mono<T> operation) {
		return operation.timeout(this.timeout);
	}

	@Override
	public String toString() {
		return "RedisPartnerTokenStore[prefix=" + this.prefix + ", encrypted=" + this.codec.encrypts() + "]";
	}

}
