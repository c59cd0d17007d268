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

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TokenEncryption}.
 */
class TokenEncryptionTests {

	private static final String KEY = TokenEncryption.generateKey();

	private static final String OLD_KEY = TokenEncryption.generateKey();

	private static final String REDIS_KEY = "partner-apis:token:acme:0123456789abcdef";

	private final TokenEncryption encryption = TokenEncryption.of(KEY, List.of());

	@Test
	void whatIsEncryptedDecryptsToTheSameText() {
		String sealed = this.encryption.encrypt("token-1 ünïcode", REDIS_KEY);
		assertThat(this.encryption.decrypt(this.encryption.keyId(), sealed, REDIS_KEY)).isEqualTo("token-1 ünïcode");
	}

	@Test
	void ciphertextRevealsNothingOfTheTextAndDiffersEachTime() {
		String first = this.encryption.encrypt("token-1", REDIS_KEY);
		String second = this.encryption.encrypt("token-1", REDIS_KEY);
		assertThat(first).isNotEqualTo(second);
		assertThat(new String(Base64.getDecoder().decode(first))).doesNotContain("token-1");
	}

	@Test
	void ciphertextCopiedToAnotherKeyDoesNotDecrypt() {
		String sealed = this.encryption.encrypt("token-1", REDIS_KEY);
		assertThat(this.encryption.decrypt(this.encryption.keyId(), sealed, REDIS_KEY + "x")).isNull();
	}

	@Test
	void tamperedCiphertextDoesNotDecrypt() {
		byte[] sealed = Base64.getDecoder().decode(this.encryption.encrypt("token-1", REDIS_KEY));
		sealed[sealed.length - 1] ^= 1;
		assertThat(
				this.encryption.decrypt(this.encryption.keyId(), Base64.getEncoder().encodeToString(sealed), REDIS_KEY))
			.isNull();
	}

	@Test
	void malformedCiphertextDoesNotDecrypt() {
		assertThat(this.encryption.decrypt(this.encryption.keyId(), "not base64!", REDIS_KEY)).isNull();
		assertThat(this.encryption.decrypt(this.encryption.keyId(), "AAAA", REDIS_KEY)).isNull();
	}

	@Test
	void ciphertextTooShortForAnInitialisationVectorAndATagDoesNotDecrypt() {
		byte[] sealed = Base64.getDecoder().decode(this.encryption.encrypt("", REDIS_KEY));
		assertThat(sealed).as("IV and tag of an empty text").hasSize(12 + 16);
		for (int length : new int[] { 12, 12 + 1, 12 + 15 }) {
			String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(sealed, length));
			assertThat(this.encryption.decrypt(this.encryption.keyId(), truncated, REDIS_KEY)).as("%d bytes", length)
				.isNull();
		}
		assertThat(
				this.encryption.decrypt(this.encryption.keyId(), Base64.getEncoder().encodeToString(sealed), REDIS_KEY))
			.isEmpty();
	}

	@Test
	void ciphertextOfAnUnknownKeyIdDoesNotDecrypt() {
		String sealed = this.encryption.encrypt("token-1", REDIS_KEY);
		assertThat(this.encryption.decrypt("00000000", sealed, REDIS_KEY)).isNull();
	}

	@Test
	void afterRotationWhatThePreviousKeyWroteIsStillReadAndNewTextIsWrittenWithTheNewKey() {
		TokenEncryption before = TokenEncryption.of(OLD_KEY, List.of());
		String old = before.encrypt("token-1", REDIS_KEY);
		TokenEncryption after = TokenEncryption.of(KEY, List.of(OLD_KEY));
		assertThat(after.keyIds()).containsExactly(this.encryption.keyId(), before.keyId());
		assertThat(after.decrypt(before.keyId(), old, REDIS_KEY)).isEqualTo("token-1");
		assertThat(after.keyId()).isEqualTo(this.encryption.keyId());
		String fresh = after.encrypt("token-2", REDIS_KEY);
		assertThat(this.encryption.decrypt(after.keyId(), fresh, REDIS_KEY)).isEqualTo("token-2");
		assertThat(before.decrypt(after.keyId(), fresh, REDIS_KEY)).isNull();
	}

	@Test
	void keyIdIsStableForAKeyAndDiffersBetweenKeysWithoutRevealingThem() {
		String id = this.encryption.keyId();
		assertThat(TokenEncryption.of(" " + KEY + "\n", List.of()).keyId()).isEqualTo(id);
		assertThat(TokenEncryption.of(OLD_KEY, List.of()).keyId()).isNotEqualTo(id);
		assertThat(id).matches("[0-9a-f]{8}");
		assertThat(this.encryption.toString()).contains(id).doesNotContain(KEY);
	}

	@Test
	void previousKeyEqualToTheCurrentOneIsListedOnce() {
		assertThat(TokenEncryption.of(KEY, List.of(KEY)).keyIds()).containsExactly(this.encryption.keyId());
	}

	@Test
	void generatedKeysAreBase64Of32RandomBytes() {
		String key = TokenEncryption.generateKey();
		assertThat(Base64.getDecoder().decode(key)).hasSize(32);
		assertThat(key).isNotEqualTo(TokenEncryption.generateKey());
	}

	@Test
	void keyThatIsNotBase64IsRefusedWithoutItsValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenEncryption.of("s3cret!key", List.of()))
			.withMessage("The encryption key is not base64; generate one with 'openssl rand -base64 32'")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void keyOfTheWrongLengthIsRefusedNamingWhichKey() {
		String short16 = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalArgumentException().isThrownBy(() -> TokenEncryption.of(KEY, List.of(OLD_KEY, short16)))
			.withMessageStartingWith("Previous encryption key [1] decodes to 16 bytes where 32 are needed")
			.withMessageNotContaining(short16);
	}

}
