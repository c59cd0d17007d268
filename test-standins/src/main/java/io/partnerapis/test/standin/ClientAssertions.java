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

package io.partnerapis.test.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * The client-authentication half of a stand-in whose clients authenticate with a client
 * assertion (RFC 7523 sections 2.2 and 3): it checks each assertion for real, with Nimbus
 * JOSE, and refuses it for the first {@link Refusal} that applies. The client's key is
 * {@link #generate generated} here, as a partner portal would, or {@link #forKey given}
 * by the application's configuration; {@link #forSecret} takes {@code client_secret_jwt}.
 * {@link #valid()} and {@link #refusedFor(Refusal)} take part in WireMock's matching.
 *
 * @since 0.1.0
 */
public final class ClientAssertions implements AutoCloseable {

	/**
	 * The {@code client_assertion_type} of a JWT client assertion.
	 */
	public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

	private final String clientId;

	private final List<String> audiences;

	private final @Nullable String keyId;

	private final @Nullable JWSVerifier verifier;

	private final @Nullable Path privateKeyFile;

	private final Clock clock;

	private final Set<String> seenIds = ConcurrentHashMap.newKeySet();

	private ClientAssertions(String clientId, List<String> audiences, @Nullable String keyId,
			@Nullable JWSVerifier verifier, @Nullable Path privateKeyFile, Clock clock) {
		this.clientId = clientId;
		this.audiences = List.copyOf(audiences);
		this.keyId = keyId;
		this.verifier = verifier;
		this.privateKeyFile = privateKeyFile;
		this.clock = clock;
	}

	/**
	 * Registers a new EC P-256 key pair for a client, whose assertions must then be
	 * signed with ES256 and name the key's id. The public key stays here; the private key
	 * is handed out through {@link #clientProperties()} as a PKCS#8 PEM file in a
	 * temporary directory, readable by its owner only, deleted on {@link #close()} or
	 * when the JVM exits, and never logged.
	 * @param clientId the client id, the issuer and subject of its assertions
	 * @param audiences the audiences, one of which its assertions must name
	 * @param clock the clock that decides whether an assertion has expired
	 * @return the registration
	 */
	public static ClientAssertions generate(String clientId, List<String> audiences, Clock clock) {
		KeyPair keyPair = generateKeyPair();
		return new ClientAssertions(clientId, audiences, clientId + "-key-1", verifier(keyPair.getPublic()),
				writePrivateKey(keyPair), clock);
	}

	/**
	 * Accepts the assertions of a client whose key the application configures.
	 * @param clientId the client id, the issuer and subject of its assertions
	 * @param audiences the audiences, one of which its assertions must name
	 * @param publicKey the client's public key, or {@code null} if it cannot be known, in
	 * which case a well-formed assertion signed by any key is accepted
	 * @param clock the clock that decides whether an assertion has expired
	 * @return the registration
	 */
	public static ClientAssertions forKey(String clientId, List<String> audiences, @Nullable PublicKey publicKey,
			Clock clock) {
		return new ClientAssertions(clientId, audiences, null, (publicKey != null) ? verifier(publicKey) : null, null,
				clock);
	}

	/**
	 * Accepts the {@code client_secret_jwt} assertions of a client, signed with its
	 * secret as HMAC key (RFC 7523 section 2.2 with RFC 7518's HS algorithms).
	 * @param clientId the client id, the issuer and subject of its assertions
	 * @param audiences the audiences, one of which its assertions must name
	 * @param secret the client secret
	 * @param clock the clock that decides whether an assertion has expired
	 * @return the registration
	 */
	public static ClientAssertions forSecret(String clientId, List<String> audiences, String secret, Clock clock) {
		try {
			return new ClientAssertions(clientId, audiences, null,
					new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)), null, clock);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The client secret of '" + clientId + "' is too short for HMAC", ex);
		}
	}

	private static JWSVerifier verifier(PublicKey publicKey) {
		try {
			if (publicKey instanceof RSAPublicKey rsa) {
				return new RSASSAVerifier(rsa);
			}
			if (publicKey instanceof ECPublicKey ec) {
				return new ECDSAVerifier(ec);
			}
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("Unusable client public key", ex);
		}
		throw new IllegalArgumentException("Unsupported client key type " + publicKey.getAlgorithm());
	}

	private static KeyPair generateKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not generate an EC P-256 key pair", ex);
		}
	}

	/**
	 * Writes the private key as PKCS#8 PEM to a new file in a new temporary directory;
	 * both are created readable by their owner only where the file system has POSIX
	 * permissions.
	 * @param keyPair the key pair whose private key is written
	 * @return the path of the written file
	 */
	private static Path writePrivateKey(KeyPair keyPair) {
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(keyPair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		try {
			Path directory = Files.createTempDirectory("partner-apis-stand-in-");
			Path file = Files.createTempFile(directory, "client-key-", ".pem");
			directory.toFile().deleteOnExit();
			file.toFile().deleteOnExit();
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write a stand-in client's private key to a temporary file", ex);
		}
	}

	/**
	 * Returns the properties that make a partner's client sign its assertions with the
	 * generated key: the location of the private key file and the key id.
	 * @return the properties, by name relative to {@code partner.apis.<name>.}; empty
	 * when the application configures the key
	 */
	public Map<String, String> clientProperties() {
		if (this.privateKeyFile == null || this.keyId == null) {
			return Map.of();
		}
		return Map.of("client-assertion.key", this.privateKeyFile.toUri().toString(), "client-assertion.key-id",
				this.keyId);
	}

	/**
	 * Returns whether assertions' signatures are verified.
	 * @return whether the client's public key is known
	 */
	public boolean verifiesSignatures() {
		return this.verifier != null;
	}

	/**
	 * Matches token requests whose {@code client_assertion} is valid, and records its
	 * {@code jti} so that the assertion is never accepted again.
	 * @return the matcher
	 */
	public ValueMatcher<Request> valid() {
		return (request) -> {
			String assertion = TokenAuthority.formParameter(request, "client_assertion");
			return MatchResult.of(check(assertion) == null && this.seenIds.add(claims(assertion).getJWTID()));
		};
	}

	/**
	 * Matches token requests whose {@code client_assertion} is refused for the given
	 * reason, the first that applies in the order of {@link Refusal}.
	 * @param refusal the reason
	 * @return the matcher
	 */
	public ValueMatcher<Request> refusedFor(Refusal refusal) {
		return (request) -> MatchResult.of(check(TokenAuthority.formParameter(request, "client_assertion")) == refusal);
	}

	/**
	 * Checks an assertion: it is valid when it is a JWS whose signature the client's key
	 * verifies, whose {@code iss} and {@code sub} are the client id, whose {@code aud}
	 * names one of the accepted audiences, whose {@code exp} lies ahead, and whose
	 * {@code jti} was never seen before.
	 * @param assertion the assertion in its compact serialization
	 * @return why it is refused, or {@code null} if it is valid
	 */
	private @Nullable Refusal check(@Nullable String assertion) {
		SignedJWT jwt = parse(assertion);
		if (jwt == null) {
			return Refusal.MALFORMED;
		}
		if ((this.keyId != null && (!ALGORITHM.equals(jwt.getHeader().getAlgorithm())
				|| !this.keyId.equals(jwt.getHeader().getKeyID()))) || !verifies(jwt)) {
			return Refusal.SIGNATURE;
		}
		JWTClaimsSet claims = claims(jwt);
		if (!this.clientId.equals(claims.getIssuer()) || !this.clientId.equals(claims.getSubject())) {
			return Refusal.CLIENT;
		}
		List<String> audience = claims.getAudience();
		if (audience == null || audience.stream().noneMatch(this.audiences::contains)) {
			return Refusal.AUDIENCE;
		}
		Date expiresAt = claims.getExpirationTime();
		if (expiresAt == null || !this.clock.instant().isBefore(expiresAt.toInstant())) {
			return Refusal.EXPIRED;
		}
		String id = claims.getJWTID();
		if (id == null || id.isEmpty()) {
			return Refusal.NO_ID;
		}
		return this.seenIds.contains(id) ? Refusal.REPLAYED : null;
	}

	private static @Nullable SignedJWT parse(@Nullable String assertion) {
		if (assertion == null) {
			return null;
		}
		try {
			SignedJWT jwt = SignedJWT.parse(assertion);
			jwt.getJWTClaimsSet();
			return jwt;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private boolean verifies(SignedJWT jwt) {
		try {
			return this.verifier == null || jwt.verify(this.verifier);
		}
		catch (JOSEException ex) {
			return false;
		}
	}

	private static JWTClaimsSet claims(@Nullable String assertion) {
		SignedJWT jwt = parse(assertion);
		if (jwt == null) {
			throw new IllegalArgumentException("Not a signed JWT");
		}
		return claims(jwt);
	}

	private static JWTClaimsSet claims(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a JWT claims set", ex);
		}
	}

	/**
	 * Deletes the private key file and its directory.
	 */
	@Override
	public void close() {
		try {
			if (this.privateKeyFile != null) {
				Files.deleteIfExists(this.privateKeyFile);
				Files.deleteIfExists(this.privateKeyFile.getParent());
			}
		}
		catch (IOException ex) {
			// Left to deleteOnExit
		}
	}

	@Override
	public String toString() {
		return "ClientAssertions[clientId=" + this.clientId + ", keyId=" + this.keyId + ", audiences=" + this.audiences
				+ ", verifiesSignatures=" + verifiesSignatures() + "]";
	}

	/**
	 * Why a client assertion is refused, in the order the checks run.
	 */
	public enum Refusal {

		/**
		 * Missing, or not a signed JWT.
		 */
		MALFORMED("is not a signed JWT"),

		/**
		 * Not signed by the client's key.
		 */
		SIGNATURE("is not signed by the client's registered key"),

		/**
		 * Issuer or subject other than the client id.
		 */
		CLIENT("does not name the client as its issuer and subject"),

		/**
		 * An audience that does not name the token endpoint.
		 */
		AUDIENCE("is not meant for this token endpoint"),

		/**
		 * No expiry, or an expiry in the past.
		 */
		EXPIRED("has expired"),

		/**
		 * No {@code jti}.
		 */
		NO_ID("has no jti"),

		/**
		 * A {@code jti} seen before.
		 */
		REPLAYED("was used before");

		private final String description;

		Refusal(String description) {
			this.description = description;
		}

		/**
		 * Describes the refusal as the end of a sentence that starts with "The client
		 * assertion".
		 * @return such as "has expired"
		 */
		public String description() {
			return this.description;
		}

	}

}
