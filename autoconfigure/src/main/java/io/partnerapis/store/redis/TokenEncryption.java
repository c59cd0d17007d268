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

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Encrypts stored tokens with AES-256-GCM from the JDK's {@code javax.crypto}. Each
 * ciphertext names the key that made it by a key id, a short digest of the key that
 * reveals nothing of it, so that after a key is rotated what the previous key wrote can
 * still be read until it expires.
 *
 * <p>
 * The associated data of each ciphertext is the Redis key it is stored under, so a
 * ciphertext copied to another key does not decrypt.
 */
final class TokenEncryption {

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int TAG_BYTES = TAG_BITS / 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String currentId;

	private final SecretKey currentKey;

	private final Map<String, SecretKey> keys;

	private TokenEncryption(String currentId, SecretKey currentKey, Map<String, SecretKey> keys) {
		this.currentId = currentId;
		this.currentKey = currentKey;
		this.keys = keys;
	}

	/**
	 * Creates an encryption that writes with the given key and reads with it and the
	 * previous ones.
	 * @param currentKey base64 of 32 random bytes
	 * @param previousKeys base64 of the keys used before, which are only read
	 * @return the encryption
	 * @throws IllegalArgumentException naming which key is not base64 of 32 bytes, and
	 * never its value
	 */
	static TokenEncryption of(String currentKey, List<String> previousKeys) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		SecretKey current = decode(currentKey, "the encryption key");
		String currentId = keyId(current);
		keys.put(currentId, current);
		for (int i = 0; i < previousKeys.size(); i++) {
			SecretKey previous = decode(previousKeys.get(i), "previous encryption key [" + i + "]");
			keys.putIfAbsent(keyId(previous), previous);
		}
		return new TokenEncryption(currentId, current, keys);
	}

	/**
	 * Returns a new random key, as {@link #of(String, List)} takes it.
	 * @return base64 of 32 random bytes
	 */
	static String generateKey() {
		byte[] key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * Returns the id of the key this encryption writes with.
	 * @return the key id
	 */
	String keyId() {
		return this.currentId;
	}

	/**
	 * Returns the ids of every key this encryption reads with, the current one first.
	 * @return the key ids
	 */
	List<String> keyIds() {
		return new ArrayList<>(this.keys.keySet());
	}

	/**
	 * Encrypts text with the current key.
	 * @param plain the text
	 * @param associatedData data the ciphertext is bound to
	 * @return base64 of the initialisation vector followed by the ciphertext and its tag
	 */
	String encrypt(String plain, String associatedData) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.currentKey, iv, associatedData);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM encryption failed", ex);
		}
	}

	/**
	 * Decrypts what {@link #encrypt} wrote with the key of the given id.
	 * @param keyId the key id stored with the ciphertext
	 * @param sealed the ciphertext
	 * @param associatedData data the ciphertext is bound to
	 * @return the text, or {@code null} when no key has that id or the ciphertext is not
	 * base64, too short to hold an initialisation vector and a tag, or does not
	 * authenticate
	 */
	@Nullable String decrypt(String keyId, String sealed, String associatedData) {
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			return null;
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed);
			if (in.length < IV_BYTES + TAG_BYTES) {
				// The JDK's cipher throws a ProviderException, not a
				// GeneralSecurityException, for input shorter than the tag
				return null;
			}
			byte[] iv = new byte[IV_BYTES];
			System.arraycopy(in, 0, iv, 0, IV_BYTES);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, associatedData);
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] iv, String associatedData)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static SecretKey decode(String base64, String which) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					capitalize(which) + " is not base64; generate one with " + "'openssl rand -base64 32'");
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException(capitalize(which) + " decodes to " + bytes.length + " bytes where "
					+ KEY_BYTES + " are needed; generate one with 'openssl rand -base64 32'");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/**
	 * Derives a key's id: eight hex digits of a digest of the key under a fixed label,
	 * from which nothing of the key can be learned.
	 * @param key the key
	 * @return its id
	 */
	private static String keyId(SecretKey key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update("partner-apis token key id\0".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(key.getEncoded()), 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "TokenEncryption[keyIds=" + keyIds() + "]";
	}

}
