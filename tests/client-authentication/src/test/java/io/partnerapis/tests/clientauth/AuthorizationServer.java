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

package io.partnerapis.tests.clientauth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.partnerapis.tests.clientauth.server.ClientAuthenticationServer;
import io.partnerapis.tests.clientauth.server.RecordingAuthorizationService;
import io.partnerapis.tests.clientauth.server.TokenEndpointRecorder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The running {@link ClientAuthenticationServer}, with the key material it was started
 * with; one for all test classes, started on first use (a JUnit extension that resolves
 * parameters of this type) and stopped, with its material deleted, when the tests end.
 */
public final class AuthorizationServer implements AutoCloseable {

	private final TestPki pki;

	private final ConfigurableApplicationContext context;

	private AuthorizationServer(TestPki pki, ConfigurableApplicationContext context) {
		this.pki = pki;
		this.context = context;
	}

	static AuthorizationServer start() throws Exception {
		TestPki pki = TestPki.create(Files.createTempDirectory("client-authentication-"));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClientAuthenticationServer.class)
			.properties("spring.main.banner-mode=off", "server.port=0", "server.ssl.bundle=server",
					"server.ssl.client-auth=want",
					"spring.ssl.bundle.pem.server.keystore.certificate=" + pki.location("server-chain.pem"),
					"spring.ssl.bundle.pem.server.keystore.private-key=" + pki.location("server-key.pem"),
					"spring.ssl.bundle.pem.server.truststore.certificate=" + pki.location("server-trust.pem"),
					"test.pki.directory=" + pki.directory(),
					"test.tls-client.subject-dn=" + pki.tlsClientCertificate().getSubjectX500Principal().getName(),
					"test.secret-jwt-client.secret=" + TestPki.CLIENT_SECRET_JWT_SECRET)
			.run();
		return new AuthorizationServer(pki, context);
	}

	/**
	 * The HTTPS origin of the authorization server and the API, such as
	 * {@code https://localhost:8443}.
	 * @return the origin
	 */
	public String origin() {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return "https://localhost:" + port;
	}

	public String tokenUri() {
		return origin() + "/oauth2/token";
	}

	public String apiUrl() {
		return origin() + "/api";
	}

	public TestPki pki() {
		return this.pki;
	}

	public TokenEndpointRecorder recorder() {
		return this.context.getBean(TokenEndpointRecorder.class);
	}

	public RecordingAuthorizationService authorizations() {
		return this.context.getBean(RecordingAuthorizationService.class);
	}

	@Override
	public void close() throws IOException {
		this.context.close();
		try (Stream<Path> files = Files.walk(this.pki.directory())) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/**
	 * Resolves {@link AuthorizationServer} parameters with the one server of the test
	 * run.
	 */
	public static final class Extension implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
			.create(AuthorizationServer.class);

		@Override
		public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
			return parameterContext.getParameter().getType() == AuthorizationServer.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
			return extensionContext.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(AuthorizationServer.class, (key) -> startServer(), AuthorizationServer.class);
		}

		private static AuthorizationServer startServer() {
			try {
				return start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("The authorization server did not start", ex);
			}
		}

	}

}
