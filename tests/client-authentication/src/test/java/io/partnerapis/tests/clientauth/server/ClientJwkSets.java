package io.partnerapis.tests.clientauth.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The clients' public JWK sets, as the test wrote them.
 */
class ClientJwkSets {

	private final Path directory;

	ClientJwkSets(Path directory) {
		this.directory = directory;
	}

	String jwkSet(String clientId) {
		Path file = this.directory.resolve(clientId + ".jwks.json");
		if (!clientId.matches("[a-z-]+") || !Files.isRegularFile(file)) {
			return null;
		}
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
