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
