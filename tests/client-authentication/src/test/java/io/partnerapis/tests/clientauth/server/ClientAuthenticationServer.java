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

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.catalina.connector.Connector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Spring Authorization Server and a resource server on one Tomcat, over HTTPS with a
 * certificate signed by the test CA, asking for (not requiring) client certificates. A
 * second, plain HTTP connector serves the clients' public JWK sets, which the
 * authorization server fetches with a client that trusts only the JDK's CAs.
 * <p>
 * Clients, one per method, all with the {@code client_credentials} grant:
 * {@code rsa-jwt-client} ({@code private_key_jwt}, RS256), {@code ec-jwt-client}
 * ({@code private_key_jwt}, ES256), {@code secret-jwt-client} ({@code client_secret_jwt},
 * HS256), {@code tls-client} ({@code tls_client_auth}, by subject DN) and
 * {@code self-signed-tls-client} ({@code self_signed_tls_client_auth}, by its JWK set);
 * the two mutual-TLS clients get certificate-bound access tokens.
 * <p>
 * Properties: {@code test.pki.directory} (where {@code TestPki} wrote the material),
 * {@code test.tls-client.subject-dn} and {@code test.secret-jwt-client.secret}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ ServerControllers.class, RecordingAuthorizationService.class, TokenEndpointRecorder.class })
public class ClientAuthenticationServer {

	/** The scope every client may ask for. */
	public static final String SCOPE = "api";

	@Bean
	JwkSetConnector jwkSetConnector() {
		return new JwkSetConnector();
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jwkSetConnectorCustomizer(JwkSetConnector connector) {
		return (factory) -> factory.addAdditionalConnectors(connector.connector());
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JwkSetConnector connector,
			@Value("${test.tls-client.subject-dn}") String tlsClientSubjectDn,
			@Value("${test.secret-jwt-client.secret}") String secretJwtClientSecret) {
		// The JWK set URLs name the plain connector's port, known once Tomcat has
		// started.
		return new LazyRegisteredClientRepository(() -> List.of(
				jwtClient("rsa-jwt-client", ClientAuthenticationMethod.PRIVATE_KEY_JWT)
					.clientSettings(ClientSettings.builder()
						.jwkSetUrl(connector.jwkSetUrl("rsa-jwt-client"))
						.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256)
						.build())
					.build(),
				jwtClient("ec-jwt-client", ClientAuthenticationMethod.PRIVATE_KEY_JWT)
					.clientSettings(ClientSettings.builder()
						.jwkSetUrl(connector.jwkSetUrl("ec-jwt-client"))
						.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256)
						.build())
					.build(),
				// JwtClientAssertionDecoderFactory uses the stored secret's UTF-8 bytes
				// as the
				// HMAC key: it is stored as it is, without a {noop} prefix.
				jwtClient("secret-jwt-client", ClientAuthenticationMethod.CLIENT_SECRET_JWT)
					.clientSecret(secretJwtClientSecret)
					.clientSettings(ClientSettings.builder()
						.tokenEndpointAuthenticationSigningAlgorithm(MacAlgorithm.HS256)
						.build())
					.build(),
				jwtClient("tls-client", ClientAuthenticationMethod.TLS_CLIENT_AUTH)
					.clientSettings(ClientSettings.builder().x509CertificateSubjectDN(tlsClientSubjectDn).build())
					.tokenSettings(TokenSettings.builder().x509CertificateBoundAccessTokens(true).build())
					.build(),
				jwtClient("self-signed-tls-client", ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH)
					.clientSettings(
							ClientSettings.builder().jwkSetUrl(connector.jwkSetUrl("self-signed-tls-client")).build())
					.tokenSettings(TokenSettings.builder().x509CertificateBoundAccessTokens(true).build())
					.build()));
	}

	private static RegisteredClient.Builder jwtClient(String clientId, ClientAuthenticationMethod method) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientAuthenticationMethod(method)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(SCOPE);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keyPair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
			.privateKey((RSAPrivateKey) keyPair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	/**
	 * The resource server's decoder: the authorization server's keys, Spring Security's
	 * default validators (which include the {@code cnf.x5t#S256} check against the
	 * request's client certificate) and a check that the token was not revoked.
	 * @param jwkSource the authorization server's keys
	 * @param authorizations the issued tokens
	 * @return the decoder
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, RecordingAuthorizationService authorizations) {
		NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(authorizations.notRevokedValidator()));
		return decoder;
	}

	@Bean
	AssertionIds assertionIds() {
		return new AssertionIds();
	}

	/**
	 * The authorization server's chain. Client assertions are checked as Spring
	 * Authorization Server does by default (signature, {@code iss}, {@code sub},
	 * {@code aud}, {@code exp}) and, in addition, for a {@code jti} never seen before.
	 * @param http the security builder
	 * @param assertionIds the assertion ids seen so far
	 * @return the chain
	 * @throws Exception on failure
	 */
	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, AssertionIds assertionIds)
			throws Exception {
		JwtClientAssertionDecoderFactory assertionDecoders = new JwtClientAssertionDecoderFactory();
		assertionDecoders.setJwtValidatorFactory((client) -> new DelegatingOAuth2TokenValidator<>(
				JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client), assertionIds));
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.clientAuthentication((clientAuthentication) -> clientAuthentication
				.authenticationProviders((providers) -> providers.forEach((provider) -> {
					if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
						assertions.setJwtDecoderFactory(assertionDecoders);
					}
				})));
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.addFilterBefore(TokenEndpointRecorder.clientAuthenticationRecorder(), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain resourceServerSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain publicSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	FilterRegistrationBean<TokenEndpointRecorder> tokenEndpointRecorderRegistration(TokenEndpointRecorder recorder) {
		FilterRegistrationBean<TokenEndpointRecorder> registration = new FilterRegistrationBean<>(recorder);
		registration.addUrlPatterns("/oauth2/token", "/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	ClientJwkSets clientJwkSets(@Value("${test.pki.directory}") Path directory) {
		return new ClientJwkSets(directory);
	}

	/**
	 * The plain HTTP connector that serves the clients' JWK sets.
	 */
	static final class JwkSetConnector {

		private final Connector connector = new Connector();

		JwkSetConnector() {
			this.connector.setPort(0);
		}

		Connector connector() {
			return this.connector;
		}

		String jwkSetUrl(String clientId) {
			return "http://localhost:" + this.connector.getLocalPort() + "/clients/" + clientId + "/jwks.json";
		}

	}

}
