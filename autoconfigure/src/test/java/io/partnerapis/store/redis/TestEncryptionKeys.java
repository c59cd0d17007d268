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
