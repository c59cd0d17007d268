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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.ScriptOutputType;
import io.partnerapis.store.PartnerTokenStore.Reservation;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.RedisServerExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@link RedisPartnerTokenStore} against a real Redis server: what two stores sharing it
 * see of each other, what Redis holds, and how fast an outage shows.
 */
class RedisPartnerTokenStoreTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	/**
	 * How long a store that is down may take to fail with its timeout of 300 ms: far less
	 * than Lettuce's own 60 s command timeout, with room for a busy two-core machine.
	 */
	private static final Duration FAILS_QUICKLY = Duration.ofSeconds(5);

	/**
	 * How long a script keeps Redis busy, give or take the second that Redis's
	 * {@code TIME} counts in: a load that fails within 3 s, long before Redis is free
	 * again, failed at its timeout of 300 ms, with room for a busy two-core machine.
	 */
	private static final Duration BUSY_SCRIPT = Duration.ofSeconds(5);

	private static final Duration BLOCK = Duration.ofSeconds(5);

	private static final String CLIENT_ID = "client-acme-7f3a";

	private static final String TOKEN_URI = "https://auth.acme.example/oauth/token";

	private final TokenKey key = TokenKey.of("acme", TOKEN_URI, CLIENT_ID, Set.of("read", "write"), "api.acme");

	@BeforeEach
	void emptyRedis() {
		redis.raw().flushall();
	}

	@AfterEach
	void redisIsBack() throws Exception {
		if (!isUp()) {
			redis.start();
		}
	}

	@Test
	void tokenSavedByOneStoreIsLoadedByAnotherWithItsRefreshTokenScopesAndExpiry() {
		StoredToken saved = token("access-1", Duration.ofMinutes(5), "refresh-1");
		store(null).save(this.key, saved).block(BLOCK);
		StoredToken loaded = store(null).load(this.key).block(BLOCK);
		assertThat(loaded).isNotNull();
		assertThat(loaded.accessToken().getTokenValue()).isEqualTo("access-1");
		assertThat(loaded.accessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(loaded.accessToken().getScopes()).containsExactlyInAnyOrder("read", "write");
		assertThat(loaded.accessToken().getIssuedAt()).isEqualTo(saved.accessToken().getIssuedAt());
		assertThat(loaded.accessToken().getExpiresAt()).isEqualTo(saved.accessToken().getExpiresAt());
		assertThat(loaded.refreshToken()).isNotNull();
		assertThat(loaded.refreshToken().getTokenValue()).isEqualTo("refresh-1");
	}

	@Test
	void storedTokenExpiresInRedisWithTheToken() {
		store(null).save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
		long ttl = redis.raw().pttl(tokenKey());
		assertThat(ttl).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
	}

	@Test
	void removeIfCurrentNeverRemovesANewerToken() {
		RedisPartnerTokenStore first = store(null);
		RedisPartnerTokenStore second = store(null);
		first.save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
		second.save(this.key, token("access-2", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(first.removeIfCurrent(this.key, "access-1").block(BLOCK)).isFalse();
		assertThat(first.load(this.key).block(BLOCK).accessToken().getTokenValue()).isEqualTo("access-2");
		assertThat(second.removeIfCurrent(this.key, "access-2").block(BLOCK)).isTrue();
		assertThat(first.load(this.key).blockOptional(BLOCK)).isEmpty();
	}

	@Test
	void leaseIsHeldByOneHolderUntilItReleasesIt() {
		RedisPartnerTokenStore first = store(null);
		RedisPartnerTokenStore second = store(null);
		assertThat(first.tryLease(this.key, "instance-a", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
		assertThat(second.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isFalse();
		second.releaseLease(this.key, "instance-b").block(BLOCK);
		assertThat(second.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK))
			.as("a holder that does not hold the lease cannot release it")
			.isFalse();
		first.releaseLease(this.key, "instance-a").block(BLOCK);
		assertThat(second.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
	}

	@Test
	void holderThatStillHoldsTheLeaseTakesItAgainForTheNewTime() {
		RedisPartnerTokenStore first = store(null);
		RedisPartnerTokenStore second = store(null);
		assertThat(first.tryLease(this.key, "instance-a", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
		assertThat(first.tryLease(this.key, "instance-a", Duration.ofMinutes(10)).block(BLOCK))
			.as("a lease whose release failed does not lock out its own holder")
			.isTrue();
		assertThat(redis.raw().pttl(leaseKey())).isGreaterThan(Duration.ofMinutes(9).toMillis());
		assertThat(second.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isFalse();
		assertThat(redis.raw().get(leaseKey())).isEqualTo("instance-a");
	}

	@Test
	void leaseExpiresByItself() {
		RedisPartnerTokenStore first = store(null);
		RedisPartnerTokenStore second = store(null);
		assertThat(first.tryLease(this.key, "instance-a", Duration.ofMillis(300)).block(BLOCK)).isTrue();
		assertThat(second.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isFalse();
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> second.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK));
		assertThat(redis.raw().get(leaseKey())).isEqualTo("instance-b");
	}

	@Test
	void leaseRemainingIsReadFromRedis() {
		RedisPartnerTokenStore store = store(null);
		assertThat(store.leaseRemaining(this.key).block(BLOCK)).as("no lease").isZero();
		assertThat(store.tryLease(this.key, "instance-a", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
		assertThat(store.leaseRemaining(this.key).block(BLOCK)).isBetween(Duration.ofSeconds(50),
				Duration.ofMinutes(1));
	}

	@Test
	void stopThatComesWhileTheListenerIsCreatedLeavesNoListenerBehind() {
		ReactiveRedisConnectionFactory factory = redis.connectionFactory();
		AtomicReference<@Nullable RedisPartnerTokenStore> stopOnConnect = new AtomicReference<>();
		ReactiveRedisConnectionFactory stopping = (ReactiveRedisConnectionFactory) Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { ReactiveRedisConnectionFactory.class },
				(proxy, method, args) -> {
					RedisPartnerTokenStore store = stopOnConnect.getAndSet(null);
					if (store != null && method.getName().equals("getReactiveConnection")) {
						store.stop();
					}
					try {
						return method.invoke(factory, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
		RedisPartnerTokenStore store = new RedisPartnerTokenStore(stopping, "partner-apis", TIMEOUT, null,
				Clock.systemUTC());
		stopOnConnect.set(store);
		try {
			store.start();
			assertThat(store.isRunning()).isFalse();
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> subscribers() == 0);
		}
		finally {
			store.close();
		}
	}

	@Test
	void issuedTokensAreCountedPerMonthForEveryStore() {
		RedisPartnerTokenStore first = store(null);
		RedisPartnerTokenStore second = store(null);
		YearMonth january = YearMonth.now(Clock.systemUTC());
		YearMonth february = january.plusMonths(1);
		assertThat(first.reserve(this.key, january, 10).block(BLOCK)).isEqualTo(new Reservation(true, 1));
		assertThat(second.reserve(this.key, january, 10).block(BLOCK)).isEqualTo(new Reservation(true, 2));
		assertThat(second.reserve(this.key, february, 10).block(BLOCK)).isEqualTo(new Reservation(true, 1));
		assertThat(first.issued(this.key, january).block(BLOCK)).isEqualTo(2);
		assertThat(first.issued(this.key, february).block(BLOCK)).isEqualTo(1);
		assertThat(first.issued(this.key, february.plusMonths(1)).block(BLOCK)).isZero();
		assertThat(redis.raw().keys("*:count:*")).containsExactlyInAnyOrder(countKey(january), countKey(february));
	}

	@Test
	void concurrentReservationsOfSeveralStoresStopAtTheLimit() {
		List<RedisPartnerTokenStore> stores = List.of(store(null), store(null), store(null));
		YearMonth month = YearMonth.now(Clock.systemUTC());
		List<Reservation> reservations = Flux.range(0, 30)
			.flatMap((i) -> stores.get(i % 3).reserve(this.key, month, 7), 30)
			.collectList()
			.block(BLOCK);
		assertThat(reservations).filteredOn(Reservation::granted).hasSize(7);
		assertThat(reservations).filteredOn((reservation) -> !reservation.granted())
			.hasSize(23)
			.allSatisfy((refused) -> assertThat(refused.issued()).isEqualTo(7));
		assertThat(redis.raw().get(countKey(month))).isEqualTo("7");
	}

	@Test
	void releaseTakesBackAReservationAndNeverGoesBelowZero() {
		RedisPartnerTokenStore store = store(null);
		YearMonth month = YearMonth.now(Clock.systemUTC());
		store.reserve(this.key, month, 10).block(BLOCK);
		assertThat(store.release(this.key, month).block(BLOCK)).isZero();
		assertThat(store.release(this.key, month).block(BLOCK)).isZero();
		assertThat(store.issued(this.key, month).block(BLOCK)).isZero();
	}

	@Test
	void monthlyCountOutlivesItsMonthByAMonthAndNoMore() {
		YearMonth now = YearMonth.now(Clock.systemUTC());
		store(null).reserve(this.key, now, 10).block(BLOCK);
		Instant expiry = Instant.now().plusMillis(redis.raw().pttl(countKey(now)));
		assertThat(expiry).isCloseTo(now.plusMonths(2).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
				within(10, ChronoUnit.SECONDS));
	}

	@Test
	void encryptedTokenIsNotInRedisInAnyReadableForm() {
		TokenEncryption encryption = TokenEncryption.of(TokenEncryption.generateKey(), List.of());
		store(encryption).save(this.key, token("access-secret-1", Duration.ofMinutes(5), "refresh-secret-1"))
			.block(BLOCK);
		String raw = redis.raw().get(tokenKey());
		assertThat(raw).isNotNull()
			.doesNotContain("access-secret-1", "refresh-secret-1", base64("access-secret-1"),
					base64("refresh-secret-1"))
			.contains(" " + encryption.keyId() + " ");
		assertThat(store(encryption).load(this.key).block(BLOCK).accessToken().getTokenValue())
			.isEqualTo("access-secret-1");
		assertThat(store(null).load(this.key).blockOptional(BLOCK)).as("a store without the key reads nothing")
			.isEmpty();
	}

	@Test
	void tokenWithoutEncryptionKeyIsStoredInClear() {
		store(null).save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(redis.raw().get(tokenKey())).contains(" clear ", base64("access-1"));
	}

	@Test
	void rotatedKeyStillReadsWhatThePreviousKeyWrote() {
		String oldKey = TokenEncryption.generateKey();
		String newKey = TokenEncryption.generateKey();
		store(TokenEncryption.of(oldKey, List.of())).save(this.key, token("access-1", Duration.ofMinutes(5), null))
			.block(BLOCK);
		RedisPartnerTokenStore rotated = new RedisPartnerTokenStore(redis.connectionFactory(), "partner-apis", TIMEOUT,
				newKey, List.of(oldKey), Clock.systemUTC());
		assertThat(rotated.load(this.key).block(BLOCK).accessToken().getTokenValue()).isEqualTo("access-1");
		assertThat(store(TokenEncryption.of(newKey, List.of())).load(this.key).blockOptional(BLOCK))
			.as("without the previous key the old token is unreadable")
			.isEmpty();
		rotated.save(this.key, token("access-2", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(redis.raw().get(tokenKey())).contains(" " + TokenEncryption.of(newKey, List.of()).keyId() + " ");
		assertThat(rotated.removeIfCurrent(this.key, "access-2").block(BLOCK)).isTrue();
	}

	@Test
	void keysThatCannotBeUsedAreRefusedWithoutTheirValue() {
		String key = TokenEncryption.generateKey();
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> new RedisPartnerTokenStore(redis.connectionFactory(), "partner-apis", TIMEOUT, key,
				List.of(short16), Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("Previous encryption key [0] decodes to 16 bytes")
			.hasMessageNotContaining(short16);
		assertThatThrownBy(() -> new RedisPartnerTokenStore(redis.connectionFactory(), "partner-apis", TIMEOUT, null,
				List.of(key), Clock.systemUTC()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("give the current key too")
			.hasMessageNotContaining(key);
	}

	@Test
	void storeWithAnotherKeyNeitherReadsNorOverwritesTheStoredTokenAndSaysWhy() {
		String firstKey = TokenEncryption.generateKey();
		String otherKey = TokenEncryption.generateKey();
		String firstId = TokenEncryption.of(firstKey, List.of()).keyId();
		RedisPartnerTokenStore first = store(TokenEncryption.of(firstKey, List.of()));
		RedisPartnerTokenStore other = store(TokenEncryption.of(otherKey, List.of()));
		first.save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(other.load(this.key).blockOptional(BLOCK)).isEmpty();
		other.save(this.key, token("access-2", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(redis.raw().get(tokenKey())).startsWith(RedisTokenCodec.digest("access-1") + " " + firstId);
		assertThat(first.load(this.key).block(BLOCK).accessToken().getTokenValue()).isEqualTo("access-1");
		assertThat(other.readProblem(this.key))
			.contains("key id " + firstId, "'partner.token-store.encryption-key'",
					"'partner.token-store.previous-encryption-keys'")
			.doesNotContain(firstKey, otherKey);
		assertThat(first.readProblem(this.key)).isNull();
	}

	@Test
	void storesWithAndWithoutKeyNeverOverwriteEachOthersTokens() {
		RedisPartnerTokenStore keyless = store(null);
		RedisPartnerTokenStore keyed = store(TokenEncryption.of(TokenEncryption.generateKey(), List.of()));
		keyless.save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(keyed.load(this.key).blockOptional(BLOCK)).as("a token in clear is not trusted").isEmpty();
		keyed.save(this.key, token("access-2", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(redis.raw().get(tokenKey())).contains(" clear ", base64("access-1"));
		assertThat(keyed.readProblem(this.key)).contains("is stored in clear");
		redis.raw().del(tokenKey());
		keyed.save(this.key, token("access-3", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(keyed.readProblem(this.key)).as("saved once the clear token is gone").isNull();
		keyless.save(this.key, token("access-4", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(redis.raw().get(tokenKey())).doesNotContain(" clear ")
			.startsWith(RedisTokenCodec.digest("access-3"));
		assertThat(keyless.readProblem(this.key)).contains("not among this instance's keys: it has none");
	}

	@Test
	void ciphertextMovedToAnotherKeyDoesNotDecrypt() {
		TokenEncryption encryption = TokenEncryption.of(TokenEncryption.generateKey(), List.of());
		RedisPartnerTokenStore store = store(encryption);
		store.save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
		TokenKey other = new TokenKey("other", this.key.fingerprint());
		redis.raw().set("partner-apis:other:" + this.key.fingerprint() + ":token", redis.raw().get(tokenKey()));
		assertThat(store.load(other).blockOptional(BLOCK)).isEmpty();
	}

	@Test
	void keysRevealNoCredentialOrToken() {
		RedisPartnerTokenStore store = store(null);
		store.save(this.key, token("access-secret-1", Duration.ofMinutes(5), "refresh-secret-1")).block(BLOCK);
		store.tryLease(this.key, "instance-a", Duration.ofMinutes(1)).block(BLOCK);
		store.reserve(this.key, YearMonth.now(Clock.systemUTC()), 10).block(BLOCK);
		List<String> keys = redis.raw().keys("*");
		assertThat(keys).hasSize(3).allSatisfy((redisKey) -> {
			assertThat(redisKey).startsWith("partner-apis:acme:" + this.key.fingerprint() + ":");
			assertThat(redisKey).doesNotContain(CLIENT_ID, TOKEN_URI, "auth.acme", "access-secret", "refresh-secret");
		});
	}

	@Test
	void differentCredentialsNeverShareAToken() {
		TokenKey otherClient = TokenKey.of("acme", TOKEN_URI, "another-client", Set.of("read", "write"), "api.acme");
		RedisPartnerTokenStore store = store(null);
		store.save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
		assertThat(store.load(otherClient).blockOptional(BLOCK)).isEmpty();
	}

	@Test
	void savesAreAnnouncedToOtherStoresAgainAfterAnOutage() throws Exception {
		RedisPartnerTokenStore listening = store(null);
		RedisPartnerTokenStore saving = store(null);
		BlockingQueue<TokenKey> received = new LinkedBlockingQueue<>();
		Disposable subscription = listening.saves().subscribe(received::add);
		try {
			awaitSubscribers(1);
			saving.save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(this.key);
			redis.stop();
			awaitDown(listening);
			redis.start();
			awaitSubscribers(1);
			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.until(() -> saving.save(this.key, token("access-2", Duration.ofMinutes(5), null))
					.thenReturn(true)
					.block(BLOCK));
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(this.key);
		}
		finally {
			subscription.dispose();
			listening.close();
		}
	}

	@Test
	void listeningThatStartsWhileRedisIsDownBeginsWhenRedisComesUp() throws Exception {
		redis.stop();
		RedisPartnerTokenStore listening = store(null);
		BlockingQueue<TokenKey> received = new LinkedBlockingQueue<>();
		Disposable subscription = listening.saves().subscribe(received::add);
		try {
			awaitDown(listening);
			redis.start();
			awaitSubscribers(1);
			store(null).save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK);
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(this.key);
		}
		finally {
			subscription.dispose();
			listening.close();
		}
	}

	@Test
	void storeThatIsDownFailsWithinItsTimeout() throws Exception {
		RedisPartnerTokenStore store = store(null);
		store.issued(this.key, YearMonth.of(2026, 1)).block(BLOCK);
		redis.stop();
		assertFailsQuickly(() -> store.load(this.key).block(BLOCK));
		assertFailsQuickly(() -> store.tryLease(this.key, "instance-a", Duration.ofSeconds(10)).block(BLOCK));
		assertFailsQuickly(() -> store.save(this.key, token("access-1", Duration.ofMinutes(5), null)).block(BLOCK));
		redis.start();
		await().atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> store.load(this.key).thenReturn(true).defaultIfEmpty(true).block(BLOCK));
	}

	@Test
	void storeThatIsSlowFailsAtItsTimeout() throws Exception {
		RedisPartnerTokenStore store = store(null);
		store.issued(this.key, YearMonth.of(2026, 1)).block(BLOCK);
		Thread sleeper = new Thread(() -> redis.raw()
			.eval("local s = redis.call('TIME')[1] while redis.call('TIME')[1] - s < " + BUSY_SCRIPT.toSeconds()
					+ " do end return 1", ScriptOutputType.INTEGER));
		sleeper.start();
		try {
			// Redis answers nothing while the script runs, so its start cannot be
			// polled for: give the script time to start before the load that must time
			// out.
			Thread.sleep(100);
			long start = System.nanoTime();
			assertThatThrownBy(() -> store.load(this.key).block(BLOCK)).hasCauseInstanceOf(TimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("failed at its timeout, not when Redis answered")
				.isLessThan(BUSY_SCRIPT.minusSeconds(2));
		}
		finally {
			sleeper.join();
		}
	}

	private static void assertFailsQuickly(Runnable operation) {
		long start = System.nanoTime();
		assertThatThrownBy(operation::run).isInstanceOf(RuntimeException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to fail with a timeout of " + TIMEOUT)
			.isLessThan(FAILS_QUICKLY);
	}

	/**
	 * Waits until the store's own connection finds Redis down, so that what follows
	 * happens after the store saw the outage.
	 */
	private void awaitDown(RedisPartnerTokenStore store) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			try {
				store.load(this.key).block(BLOCK);
				return false;
			}
			catch (RuntimeException ex) {
				return true;
			}
		});
	}

	private static void awaitSubscribers(long count) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> subscribers() >= count);
	}

	private static long subscribers() {
		return redis.raw().pubsubNumsub("partner-apis:saves").get("partner-apis:saves");
	}

	private static boolean isUp() {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", redis.port())) {
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	private static RedisPartnerTokenStore store(@Nullable TokenEncryption encryption) {
		return new RedisPartnerTokenStore(redis.connectionFactory(), "partner-apis", TIMEOUT, encryption,
				Clock.systemUTC());
	}

	private static StoredToken token(String value, Duration lifetime, @Nullable String refresh) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plus(lifetime),
				Set.of("read", "write")), (refresh != null) ? new OAuth2RefreshToken(refresh, now) : null);
	}

	private static String base64(String value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes());
	}

	private String tokenKey() {
		return "partner-apis:acme:" + this.key.fingerprint() + ":token";
	}

	private String leaseKey() {
		return "partner-apis:acme:" + this.key.fingerprint() + ":lease";
	}

	private String countKey(YearMonth month) {
		return "partner-apis:acme:" + this.key.fingerprint() + ":count:" + month;
	}

}
