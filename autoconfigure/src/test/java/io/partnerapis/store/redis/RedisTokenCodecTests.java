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

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisTokenCodec}, without Redis: what a value holds, and which values
 * an instance reads.
 */
class RedisTokenCodecTests {

	private static final String REDIS_KEY = "partner-apis:acme:0123456789abcdef:token";

	private static final Instant ISSUED = Instant.parse("2026-12-07T10:00:00Z");

	private final StoredToken token = new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
			"access-1", ISSUED, ISSUED.plusSeconds(3600), Set.of("read", "write")),
			new OAuth2RefreshToken("refresh-1", ISSUED, ISSUED.plusSeconds(86400)));

	private final TokenEncryption encryption = TokenEncryption.of(TokenEncryption.generateKey(), List.of());

	@Test
	void tokenInClearIsReadBackWithEveryField() {
		RedisTokenCodec codec = new RedisTokenCodec(null);
		String value = codec.encode(REDIS_KEY, this.token);
		assertThat(value).startsWith(RedisTokenCodec.digest("access-1") + " clear ");
		assertThat(value).doesNotContain("access-1").doesNotContain("refresh-1");
		assertThat(codec.foreignKeyId(value)).isNull();
		StoredToken read = codec.decode(REDIS_KEY, value);
		assertThat(read).isNotNull();
		assertThat(read.accessToken().getTokenValue()).isEqualTo("access-1");
		assertThat(read.accessToken().getIssuedAt()).isEqualTo(ISSUED);
		assertThat(read.accessToken().getExpiresAt()).isEqualTo(ISSUED.plusSeconds(3600));
		assertThat(read.accessToken().getScopes()).containsExactlyInAnyOrder("read", "write");
		assertThat(read.refreshToken().getTokenValue()).isEqualTo("refresh-1");
		assertThat(read.refreshToken().getExpiresAt()).isEqualTo(ISSUED.plusSeconds(86400));
	}

	@Test
	void encryptedTokenIsReadBackOnlyWithItsKeyAndUnderItsRedisKey() {
		RedisTokenCodec codec = new RedisTokenCodec(this.encryption);
		String value = codec.encode(REDIS_KEY, this.token);
		assertThat(value).startsWith(RedisTokenCodec.digest("access-1") + " " + this.encryption.keyId() + " ");
		assertThat(codec.decode(REDIS_KEY, value).accessToken().getTokenValue()).isEqualTo("access-1");
		assertThat(codec.decode("partner-apis:other:0123456789abcdef:token", value)).as("moved to another key")
			.isNull();
		RedisTokenCodec otherKey = new RedisTokenCodec(TokenEncryption.of(TokenEncryption.generateKey(), List.of()));
		assertThat(otherKey.foreignKeyId(value)).isEqualTo(this.encryption.keyId());
		assertThat(otherKey.decode(REDIS_KEY, value)).isNull();
	}

	@Test
	void instanceWithAKeyDoesNotTrustATokenInClearNorOneWithoutAKeyAnEncryptedOne() {
		String clear = new RedisTokenCodec(null).encode(REDIS_KEY, this.token);
		String encrypted = new RedisTokenCodec(this.encryption).encode(REDIS_KEY, this.token);
		assertThat(new RedisTokenCodec(this.encryption).foreignKeyId(clear)).isEqualTo("clear");
		assertThat(new RedisTokenCodec(this.encryption).decode(REDIS_KEY, clear)).isNull();
		assertThat(new RedisTokenCodec(null).foreignKeyId(encrypted)).isEqualTo(this.encryption.keyId());
		assertThat(new RedisTokenCodec(null).decode(REDIS_KEY, encrypted)).isNull();
	}

	@Test
	void corruptOrForeignValuesReadAsNothing() {
		RedisTokenCodec codec = new RedisTokenCodec(null);
		String digest = RedisTokenCodec.digest("access-1");
		for (String value : new String[] { "", "not-a-token", digest + " clear " + "bm90IGxpbmVz",
				digest + " clear 2\nx\nBearer\n\n\n\n\n\n", digest + " clear 1\n!!\nBearer\nnope\n\n\n\n\n" }) {
			assertThat(codec.foreignKeyId(value)).as(value).isNull();
			assertThat(codec.decode(REDIS_KEY, value)).as(value).isNull();
		}
		String foreign = digest + " 0badc0de c29tZW9uZSBlbHNlJ3M";
		assertThat(codec.foreignKeyId(foreign)).as("written by an instance with another key").isEqualTo("0badc0de");
		assertThat(codec.decode(REDIS_KEY, foreign)).isNull();
		RedisTokenCodec encrypting = new RedisTokenCodec(this.encryption);
		String tampered = digest + " " + this.encryption.keyId() + " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
		assertThat(encrypting.decode(REDIS_KEY, tampered)).as("ciphertext that does not authenticate").isNull();
	}

	@Test
	void digestIsTheOneFingerprintsAreMadeOf() {
		assertThat(RedisTokenCodec.digest("access-1")).isEqualTo(TokenKey.digest("access-1")).hasSize(32);
		assertThat(RedisTokenCodec.digest("access-1")).isNotEqualTo(RedisTokenCodec.digest("access-2"));
	}

}
