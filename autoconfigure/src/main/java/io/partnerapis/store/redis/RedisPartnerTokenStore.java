package io.partnerapis.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.util.StringUtils;

/**
 * {@link PartnerTokenStore} that a fleet of instances shares through Redis, on Spring
 * Data Redis's reactive API.
 *
 * <p>
 * Each partner token has three kinds of keys, {@code <prefix>:<partner>:<fingerprint>:}
 * followed by:
 * <ul>
 * <li>{@code token}: the token, expiring with it. Its value starts with a digest of the
 * access token (so that a rejected token can be removed by comparing digests) and holds
 * the id of the key that encrypted it ({@code clear} for none) and the access and refresh
 * tokens, encrypted with AES-256-GCM when a {@link TokenEncryption} is given, in clear
 * (base64) otherwise. An instance reads only what one of its own keys wrote (an instance
 * without a key only what is in clear), and never overwrites a token it cannot read.</li>
 * <li>{@code lease}: the instance fetching the next token ({@code SET NX PX}, or a new
 * expiry when that instance already holds it).</li>
 * <li>{@code count:<yyyy-MM>}: how many token requests were reserved in that quota month
 * (in the partner's quota zone), kept until two months after the month's start.</li>
 * </ul>
 * Keys hold the partner's name and the {@link TokenKey#fingerprint() fingerprint}, a
 * digest: no credential or token. Compare-and-delete, the lease and the quota's
 * check-and-increment are Lua scripts, so each is atomic. Every save is announced on the
 * channel {@code <prefix>:saves}; {@link #saves()} listens to it and subscribes again by
 * itself after Redis was unreachable. Every operation fails after the configured timeout,
 * so a slow or lost Redis shows quickly as an error.
 *
 * @since 0.2.0
 */
public final class RedisPartnerTokenStore implements PartnerTokenStore, SmartLifecycle, AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisPartnerTokenStore.class);

	/**
	 * Saves and announces a token unless the key holds one written with a key id (or in
	 * clear) that the saving instance cannot read: answers an empty string when it saved,
	 * else the key id found, and leaves that token in place.
	 */
	private static final RedisScript<String> SAVE = RedisScript.of("""
			local v = redis.call('GET', KEYS[1])
			if v then
			  local found = string.match(v, '^%S+ (%S+) ')
			  if found then
			    local readable = false
			    for i = 5, #ARGV do
			      if ARGV[i] == found then
			        readable = true
			      end
			    end
			    if not readable then
			      return found
			    end
			  end
			end
			if tonumber(ARGV[2]) > 0 then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			else
			  redis.call('SET', KEYS[1], ARGV[1])
			end
			redis.call('PUBLISH', ARGV[3], ARGV[4])
			return ''""", String.class);

	private static final RedisScript<Long> REMOVE_IF_DIGEST = RedisScript.of("""
			local v = redis.call('GET', KEYS[1])
			if v and string.sub(v, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. ' ' then
			  return redis.call('DEL', KEYS[1])
			end
			return 0""", Long.class);

	private static final RedisScript<Long> LEASE = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
			  return 1
			end
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			  return 1
			end
			return 0""", Long.class);

	private static final RedisScript<Long> RELEASE_IF_HELD = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  return redis.call('DEL', KEYS[1])
			end
			return 0""", Long.class);

	private static final RedisScript<Long> LEASE_TIME_LEFT = RedisScript.of("return redis.call('PTTL', KEYS[1])",
			Long.class);

	/**
	 * Reserves a request unless the count reached the limit: answers the new count, or
	 * minus one minus the count when it refuses.
	 */
	private static final RedisScript<Long> RESERVE = RedisScript.of("""
			local c = tonumber(redis.call('GET', KEYS[1]) or '0')
			if c >= tonumber(ARGV[2]) then
			  return -1 - c
			end
			c = redis.call('INCR', KEYS[1])
			if c == 1 then
			  redis.call('PEXPIREAT', KEYS[1], ARGV[1])
			end
			return c""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local c = tonumber(redis.call('GET', KEYS[1]) or '0')
			if c > 0 then
			  return redis.call('DECR', KEYS[1])
			end
			return 0""", Long.class);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	private static final String CLEAR = "clear";

	private static final String NOT_CLOSED = "The listener of saved tokens did not close in time or had lost its connection already";

	private static final int DIGEST_BYTES = 16;

	private final ReactiveRedisConnectionFactory connectionFactory;

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	private final String channel;

	private final Duration timeout;

	private final @Nullable TokenEncryption encryption;

	private final Clock clock;

	private final Sinks.Many<TokenKey> saved = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean listening = new AtomicBoolean();

	private final AtomicReference<@Nullable Disposable> listener = new AtomicReference<>();

	private final AtomicReference<@Nullable ReactiveRedisMessageListenerContainer> container = new AtomicReference<>();

	private final List<String> readableIds;

	private final Map<TokenKey, String> unreadable = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	/**
	 * Creates a store.
	 * @param connectionFactory the reactive connection to Redis
	 * @param keyPrefix the prefix of every key and of the channel
	 * @param timeout how long any one operation may take before it fails
	 * @param encryption encrypts tokens, or {@code null} to store them in clear
	 * @param clock the clock to compute expiries from
	 */
	public RedisPartnerTokenStore(ReactiveRedisConnectionFactory connectionFactory, String keyPrefix, Duration timeout,
			@Nullable TokenEncryption encryption, Clock clock) {
		this.connectionFactory = connectionFactory;
		this.redis = new ReactiveStringRedisTemplate(connectionFactory);
		this.prefix = keyPrefix;
		this.channel = keyPrefix + ":saves";
		this.timeout = timeout;
		this.encryption = encryption;
		this.readableIds = (encryption != null) ? encryption.keyIds() : List.of(CLEAR);
		this.clock = clock;
	}

	@Override
	public Mono<StoredToken> load(TokenKey key) {
		String redisKey = key(key, "token");
		return bounded(this.redis.opsForValue().get(redisKey)).mapNotNull((value) -> decode(key, redisKey, value));
	}

	/**
	 * Returns why the token Redis holds for the key cannot be used by this instance, when
	 * the last load or save found it written with a key this instance does not have.
	 * @param key the key
	 * @return the reason, naming the key id found and the properties to align, or
	 * {@code null}
	 */
	@Override
	public @Nullable String readProblem(TokenKey key) {
		return this.unreadable.get(key);
	}

	/**
	 * Saves a token and announces it, unless Redis holds a token under the key that this
	 * instance cannot read (another encryption key, none, or in clear while this instance
	 * has a key): that token stays in place until it expires, so that instances whose
	 * keys disagree never overwrite each other's tokens, and this instance uses its own
	 * from memory meanwhile.
	 */
	@Override
	public Mono<Void> save(TokenKey key, StoredToken token) {
		String redisKey = key(key, "token");
		Instant expiresAt = token.accessToken().getExpiresAt();
		long ttl = (expiresAt != null) ? Duration.between(this.clock.instant(), expiresAt).toMillis() : 0;
		if (expiresAt != null && ttl <= 0) {
			return Mono.empty();
		}
		List<String> arguments = new ArrayList<>(
				List.of(encode(redisKey, token), Long.toString(ttl), this.channel, message(key)));
		arguments.addAll(this.readableIds);
		return bounded(this.redis.execute(SAVE, List.of(redisKey), arguments).next()).doOnNext((found) -> {
			if (found.isEmpty()) {
				this.unreadable.remove(key);
			}
			else {
				cannotRead(key, found);
			}
		}).then();
	}

	@Override
	public Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue) {
		return bounded(
				this.redis.execute(REMOVE_IF_DIGEST, List.of(key(key, "token")), List.of(digest(rejectedTokenValue)))
					.next())
			.map((removed) -> removed > 0);
	}

	@Override
	public Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive) {
		return bounded(this.redis
			.execute(LEASE, List.of(key(key, "lease")), List.of(holder, Long.toString(timeToLive.toMillis())))
			.next()).map((granted) -> granted == 1L);
	}

	@Override
	public Mono<Void> releaseLease(TokenKey key, String holder) {
		return bounded(this.redis.execute(RELEASE_IF_HELD, List.of(key(key, "lease")), List.of(holder)).next()).then();
	}

	/**
	 * Returns the lease's time to live as Redis counts it ({@code PTTL}): zero when no
	 * lease is held, empty for a lease without expiry, which no instance writes.
	 */
	@Override
	public Mono<Duration> leaseRemaining(TokenKey key) {
		return bounded(this.redis.execute(LEASE_TIME_LEFT, List.of(key(key, "lease")), List.of()).next())
			.filter((millis) -> millis != -1L)
			.map((millis) -> Duration.ofMillis(Math.max(millis, 0)));
	}

	@Override
	public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
		long keepUntil = month.plusMonths(2).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
		return bounded(this.redis
			.execute(RESERVE, List.of(countKey(key, month)), List.of(Long.toString(keepUntil), Long.toString(limit)))
			.next()).map((count) -> (count > 0) ? new Reservation(true, count) : new Reservation(false, -1 - count));
	}

	@Override
	public Mono<Long> release(TokenKey key, YearMonth month) {
		return bounded(this.redis.execute(RELEASE, List.of(countKey(key, month)), List.of()).next());
	}

	@Override
	public Mono<Long> issued(TokenKey key, YearMonth month) {
		return bounded(this.redis.opsForValue().get(countKey(key, month))).map(Long::parseLong).defaultIfEmpty(0L);
	}

	/**
	 * Returns the keys of tokens saved by any instance sharing this Redis. Listening
	 * starts with the application context, or with the first call; the subscription is
	 * made again whenever it fails, and Lettuce renews it after a reconnection. Saves
	 * announced while Redis was unreachable are not seen: waiters also stop waiting when
	 * their lease expires.
	 * @return the keys of saved tokens
	 */
	@Override
	public Flux<TokenKey> saves() {
		listen();
		return this.saved.asFlux();
	}

	/**
	 * Starts listening for saves, so that the subscription is in place before the first
	 * call needs it.
	 */
	@Override
	public void start() {
		listen();
	}

	/**
	 * Stops listening for saves before the connection factory stops: a store's phase is
	 * later than the factory's, so it stops first.
	 */
	@Override
	public void stop() {
		stopListening();
	}

	@Override
	public boolean isRunning() {
		return this.listening.get();
	}

	/**
	 * Stops listening for saves for good, closing the listener's connection before this
	 * returns.
	 */
	@Override
	public void close() {
		this.closed = true;
		stopListening();
		this.saved.tryEmitComplete();
	}

	private void listen() {
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

	private Flux<ReactiveSubscription.Message<String, String>> receive() {
		ReactiveRedisMessageListenerContainer container = this.listening.get() ? container() : null;
		return (container != null) ? container.receive(ChannelTopic.of(this.channel)) : Flux.empty();
	}

	/**
	 * Stops listening: first the listener's connection, within this store's timeout, then
	 * the subscription, which would otherwise subscribe again. A listener that does not
	 * close in time (Redis is down) is left to the connection factory, which closes its
	 * connections when it stops.
	 */
	private void stopListening() {
		this.listening.set(false);
		Disposable subscription = this.listener.getAndSet(null);
		destroy(this.container.getAndSet(null));
		if (subscription != null) {
			subscription.dispose();
		}
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
	 */
	private void destroyLater(ReactiveRedisMessageListenerContainer container) {
		container.destroyLater().timeout(this.timeout).subscribe(null, (ex) -> logger.debug(NOT_CLOSED, ex));
	}

	/**
	 * Returns the Redis key of a token key's entry of the given kind.
	 * @param key the token key
	 * @param kind {@code token}, {@code lease} or {@code count:<yyyy-MM>}
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

	private static String message(TokenKey key) {
		return key.partner() + ":" + key.fingerprint();
	}

	private void announce(String message) {
		int colon = message.lastIndexOf(':');
		if (colon > 0 && colon < message.length() - 1) {
			this.saved.tryEmitNext(new TokenKey(message.substring(0, colon), message.substring(colon + 1)));
		}
	}

	private String encode(String redisKey, StoredToken token) {
		String payload = payload(token);
		String digest = digest(token.accessToken().getTokenValue());
		if (this.encryption == null) {
			return digest + " " + CLEAR + " " + payload;
		}
		return digest + " " + this.encryption.keyId() + " " + this.encryption.encrypt(payload, redisKey);
	}

	private @Nullable StoredToken decode(TokenKey key, String redisKey, String value) {
		String[] parts = value.split(" ", 3);
		if (parts.length != 3) {
			return unreadable(redisKey, "it is not in this store's format");
		}
		if (!this.readableIds.contains(parts[1])) {
			cannotRead(key, parts[1]);
			return null;
		}
		String payload = (this.encryption != null) ? this.encryption.decrypt(parts[1], parts[2], redisKey) : parts[2];
		if (payload == null) {
			return unreadable(redisKey, "its ciphertext does not authenticate");
		}
		try {
			StoredToken token = token(payload);
			this.unreadable.remove(key);
			return token;
		}
		catch (RuntimeException ex) {
			return unreadable(redisKey, "it is not in this store's format");
		}
	}

	private static @Nullable StoredToken unreadable(String redisKey, String why) {
		logger.debug("Ignoring the token stored under '" + redisKey + "': " + why);
		return null;
	}

	/**
	 * Records that Redis holds a token of the key written with a key id, or in clear,
	 * that this instance cannot read, and says so in one WARN line per partner.
	 */
	private void cannotRead(TokenKey key, String found) {
		String how = CLEAR.equals(found)
				? "is stored in clear, which this instance, having an encryption key, does not " + "trust"
				: "is encrypted with key id " + found + ", which is not among this instance's "
						+ ((this.encryption != null) ? "key ids " + this.readableIds : "keys: it has none");
		String problem = "The token stored in Redis for partner '" + key.partner() + "' " + how
				+ ". This instance uses a token of its own and leaves the stored one in place until it expires. "
				+ "Give every instance the same 'partner.token-store.encryption-key' and "
				+ "'partner.token-store.previous-encryption-keys'.";
		this.unreadable.put(key, problem);
		if (this.warned.add(key.partner())) {
			logger.warn(problem);
		}
	}

	/**
	 * Writes a token as lines: format version, access token value (base64), type, issue
	 * and expiry instants (epoch milliseconds), scopes, and the refresh token's value,
	 * issue and expiry instants.
	 */
	private static String payload(StoredToken stored) {
		OAuth2AccessToken access = stored.accessToken();
		OAuth2RefreshToken refresh = stored.refreshToken();
		return String.join("\n", "1", base64(access.getTokenValue()), access.getTokenType().getValue(),
				millis(access.getIssuedAt()), millis(access.getExpiresAt()), String.join(" ", access.getScopes()),
				(refresh != null) ? base64(refresh.getTokenValue()) : "",
				(refresh != null) ? millis(refresh.getIssuedAt()) : "",
				(refresh != null) ? millis(refresh.getExpiresAt()) : "");
	}

	private static StoredToken token(String payload) {
		String[] lines = payload.split("\n", -1);
		if (lines.length != 9 || !"1".equals(lines[0])) {
			throw new IllegalArgumentException("Unknown token format");
		}
		OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.BEARER.getValue().equalsIgnoreCase(lines[2])
				? OAuth2AccessToken.TokenType.BEARER : OAuth2AccessToken.TokenType.DPOP;
		Set<String> scopes = StringUtils.hasLength(lines[5]) ? new LinkedHashSet<>(List.of(lines[5].split(" ")))
				: Set.of();
		OAuth2AccessToken access = new OAuth2AccessToken(type, unbase64(lines[1]), instant(lines[3]), instant(lines[4]),
				scopes);
		OAuth2RefreshToken refresh = lines[6].isEmpty() ? null
				: new OAuth2RefreshToken(unbase64(lines[6]), instant(lines[7]), instant(lines[8]));
		return new StoredToken(access, refresh);
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String unbase64(String text) {
		return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
	}

	private static String millis(@Nullable Instant instant) {
		return (instant != null) ? Long.toString(instant.toEpochMilli()) : "";
	}

	private static @Nullable Instant instant(String millis) {
		return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
	}

	/**
	 * Digests an access token's value, so that the token can be compared without being
	 * read.
	 */
	static String digest(String tokenValue) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, DIGEST_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "RedisPartnerTokenStore[prefix=" + this.prefix + ", encrypted=" + (this.encryption != null) + "]";
	}

}
