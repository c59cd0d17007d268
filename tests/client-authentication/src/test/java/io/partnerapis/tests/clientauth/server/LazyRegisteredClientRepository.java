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

package io.partnerapis.tests.clientauth.server;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.function.SingletonSupplier;

/**
 * Registers its clients on first use, once the ports they name are known.
 */
class LazyRegisteredClientRepository implements RegisteredClientRepository {

	private final SingletonSupplier<RegisteredClientRepository> delegate;

	LazyRegisteredClientRepository(Supplier<List<RegisteredClient>> clients) {
		this.delegate = SingletonSupplier.of(() -> new InMemoryRegisteredClientRepository(clients.get()));
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		this.delegate.obtain().save(registeredClient);
	}

	@Override
	public RegisteredClient findById(String id) {
		return this.delegate.obtain().findById(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return this.delegate.obtain().findByClientId(clientId);
	}

}
