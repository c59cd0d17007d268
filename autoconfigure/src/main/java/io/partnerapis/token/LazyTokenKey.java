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

package io.partnerapis.token;

import java.util.function.Supplier;

import io.partnerapis.store.TokenKey;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A partner's {@link TokenKey}, made when first asked for, then kept, and what made it
 * dropped: see
 * {@link PartnerTokens#store(io.partnerapis.store.PartnerTokenStore, Supplier, java.time.Duration)}
 * for why it waits. Unlike a {@code SingletonSupplier}, it allocates no lock of its own,
 * since every partner keeps one.
 */
final class LazyTokenKey implements Supplier<TokenKey> {

	private @Nullable Supplier<TokenKey> source;

	private volatile @Nullable TokenKey key;

	LazyTokenKey(Supplier<TokenKey> source) {
		this.source = source;
	}

	@Override
	public TokenKey get() {
		TokenKey key = this.key;
		if (key == null) {
			synchronized (this) {
				key = this.key;
				if (key == null) {
					Supplier<TokenKey> source = this.source;
					Assert.state(source != null, "The key's source is dropped only once the key is made");
					key = source.get();
					Assert.state(key != null, "The token key supplier returned null");
					this.key = key;
					this.source = null;
				}
			}
		}
		return key;
	}

}
