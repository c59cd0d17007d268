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

/**
 * Encryption keys for tests outside this package, where {@link TokenEncryption} is not
 * visible: new random keys, and the key id a stored value names.
 */
public final class TestEncryptionKeys {

	private TestEncryptionKeys() {
	}

	/**
	 * Returns a new random key, as {@code partner.token-store.encryption-key} takes it.
	 * @return base64 of 32 random bytes
	 */
	public static String generate() {
		return TokenEncryption.generateKey();
	}

	/**
	 * Returns the id that values encrypted with a key carry.
	 * @param key base64 of 32 bytes
	 * @return the key id
	 */
	public static String keyId(String key) {
		return TokenEncryption.of(key, List.of()).keyId();
	}

}
