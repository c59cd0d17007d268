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

import java.util.List;

import io.partnerapis.store.TokenKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnreadableTokens}, without Redis: what it says about a token this
 * instance cannot read, and how often.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableTokensTests {

	private final TokenKey acme = new TokenKey("acme", "0123456789abcdef");

	@Test
	void tokenEncryptedWithAnotherKeyNamesItsKeyIdAndThePropertiesToAlign() {
		String key = TokenEncryption.generateKey();
		TokenEncryption encryption = TokenEncryption.of(key, List.of());
		UnreadableTokens unreadable = new UnreadableTokens(new RedisTokenCodec(encryption));
		unreadable.found(this.acme, "k-other");
		assertThat(unreadable.problem(this.acme))
			.startsWith(
					"The token stored in Redis for partner 'acme' is encrypted with key id k-other, which is not among "
							+ "this instance's key ids [" + encryption.keyId() + "].")
			.contains("'partner.token-store.encryption-key'", "'partner.token-store.previous-encryption-keys'")
			.doesNotContain(key);
	}

	@Test
	void keylessInstanceSaysItHasNoKeys() {
		UnreadableTokens unreadable = new UnreadableTokens(new RedisTokenCodec(null));
		unreadable.found(this.acme, "k-other");
		assertThat(unreadable.problem(this.acme)).contains("which is not among this instance's keys: it has none");
	}

	@Test
	void tokenInClearIsNotTrustedByAnInstanceWithAKey() {
		UnreadableTokens unreadable = new UnreadableTokens(
				new RedisTokenCodec(TokenEncryption.of(TokenEncryption.generateKey(), List.of())));
		unreadable.found(this.acme, RedisTokenCodec.CLEAR);
		assertThat(unreadable.problem(this.acme))
			.contains("is stored in clear, which this instance, having an " + "encryption key, does not trust");
	}

	@Test
	void problemIsForgottenOnceTheTokenIsReadable() {
		UnreadableTokens unreadable = new UnreadableTokens(new RedisTokenCodec(null));
		unreadable.found(this.acme, "k-other");
		unreadable.readable(this.acme);
		assertThat(unreadable.problem(this.acme)).isNull();
	}

	@Test
	void eachPartnerIsWarnedAboutOnce(CapturedOutput output) {
		UnreadableTokens unreadable = new UnreadableTokens(new RedisTokenCodec(null));
		TokenKey otherClientOfAcme = new TokenKey("acme", "fedcba9876543210");
		unreadable.found(this.acme, "k-other");
		unreadable.found(this.acme, "k-other");
		unreadable.found(otherClientOfAcme, "k-other");
		unreadable.found(new TokenKey("globex", "0123456789abcdef"), "k-other");
		assertThat(output.toString().split("The token stored in Redis for partner 'acme'")).hasSize(2);
		assertThat(output).contains("The token stored in Redis for partner 'globex'");
		assertThat(unreadable.problem(otherClientOfAcme)).isNotNull();
	}

}
