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

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.partnerapis.store.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which tokens Redis holds that this instance cannot read (encrypted with a key
 * it does not have, or in clear while it encrypts), as {@link RedisPartnerTokenStore}
 * finds them, and says why in one WARN line per partner: the key id and the properties to
 * align, never a key. Logs under the store's category, where users look for it.
 */
final class UnreadableTokens {

	private static final Log logger = LogFactory.getLog(RedisPartnerTokenStore.class);

	private final RedisTokenCodec codec;

	private final Map<TokenKey, String> problems = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	UnreadableTokens(RedisTokenCodec codec) {
		this.codec = codec;
	}

	/**
	 * Records that Redis holds a token of the key that this instance cannot read.
	 * @param key the key of the partner whose token cannot be read
	 * @param found the key id the stored value names, or {@link RedisTokenCodec#CLEAR}
	 */
	void found(TokenKey key, String found) {
		String how = RedisTokenCodec.CLEAR.equals(found)
				? "is stored in clear, which this instance, having an encryption key, does not trust"
				: "is encrypted with key id " + found + ", which is not among this instance's "
						+ (this.codec.encrypts() ? "key ids " + this.codec.readableIds() : "keys: it has none");
		String problem = "The token stored in Redis for partner '" + key.partner() + "' " + how
				+ ". This instance uses a token of its own and leaves the stored one in place until it expires. "
				+ "Give every instance the same 'partner.token-store.encryption-key' and "
				+ "'partner.token-store.previous-encryption-keys'.";
		this.problems.put(key, problem);
		if (this.warned.add(key.partner())) {
			logger.warn(problem);
		}
	}

	/**
	 * Forgets the problem of a key whose token this instance read or wrote.
	 * @param key the key
	 */
	void readable(TokenKey key) {
		this.problems.remove(key);
	}

	/**
	 * Returns why this instance cannot read the token of a key, as last found.
	 * @param key the key
	 * @return the reason, or {@code null}
	 */
	@Nullable String problem(TokenKey key) {
		return this.problems.get(key);
	}

}
