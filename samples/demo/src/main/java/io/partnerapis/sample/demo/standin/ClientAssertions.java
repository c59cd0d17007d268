package io.partnerapis.sample.demo.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
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
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * The client-authentication half of a stand-in whose clients authenticate by
 * {@code private_key_jwt} (RFC 7523 section 2.2 and 3): it registers one client key and
 * checks each client assertion for real, with Nimbus JOSE.
 *
 * <p>
 * Registration works as a partner portal that generates a key pair would: an EC P-256 key
 * pair is made when the stand-in starts, the public key stays here, and the private key
 * is handed to the client as a PKCS#8 PEM file in a temporary directory, readable by its
 * owner only, deleted when the stand-in stops or the JVM exits. It is never logged.
 *
 * <p>
 * An assertion is valid when it is an ES256 JWS with the registered key id whose
 * signature the registered public key verifies, whose {@code iss} and {@code sub} are the
 * client id, whose {@code aud} names the token endpoint, whose {@code exp} lies ahead,
 * and whose {@code jti} was never seen before. The {@code jti} of a valid assertion is
 * recorded when its token request is accepted, so a replayed assertion is refused.
 * {@link #valid()} and {@link #refusedFor(Refusal)} take part in WireMock's matching;
 * refusals are otherwise answered as the stand-in's stubs say.
 */
final class ClientAssertions implements AutoCloseable {

	/**
	 * The {@code client_assertion_type} of a JWT client assertion.
	 */
	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

	private final String clientId;

	private final String audience;

	private final String keyId;

	private final ECPublicKey publicKey;

	private final Path privateKeyFile;

	private final Clock clock;

	private final Set<String> seenIds = ConcurrentHashMap.newKeySet();

	/**
	 * Registers a new key pair for a client.
	 * @param clientId the client id, the issuer and subject of its assertions
	 * @param audience the audience its assertions must name: the token endpoint's URI
	 * @param clock the clock that decides whether an assertion has expired
	 */
	ClientAssertions(String clientId, String audience, Clock clock) {
		this.clientId = clientId;
		this.audience = audience;
		this.keyId = clientId + "-key-1";
		this.clock = clock;
		KeyPair keyPair = generateKeyPair();
		this.publicKey = (ECPublicKey) keyPair.getPublic();
		this.privateKeyFile = writePrivateKey(keyPair);
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
	 */
	private static Path writePrivateKey(KeyPair keyPair) {
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(keyPair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		try {
			Path directory = Files.createTempDirectory("partner-apis-demo-");
			Path file = Files.createTempFile(directory, "client-key-", ".pem");
			directory.toFile().deleteOnExit();
			file.toFile().deleteOnExit();
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the demo client's private key to a temporary file", ex);
		}
	}

	/**
	 * Returns the properties that make a partner's client sign its assertions with the
	 * registered key: the location of the private key file and the key id.
	 * @return the properties, by name relative to {@code partner.apis.<name>.}
	 */
	Map<String, String> clientProperties() {
		return Map.of("client-assertion.key", this.privateKeyFile.toUri().toString(), "client-assertion.key-id",
				this.keyId);
	}

	/**
	 * Matches token requests whose {@code client_assertion} is valid, and records its
	 * {@code jti} so that the assertion is never accepted again.
	 * @return the matcher
	 */
	ValueMatcher<Request> valid() {
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
	ValueMatcher<Request> refusedFor(Refusal refusal) {
		return (request) -> MatchResult.of(check(TokenAuthority.formParameter(request, "client_assertion")) == refusal);
	}

	/**
	 * Checks an assertion.
	 * @param assertion the assertion in its compact serialization
	 * @return why it is refused, or {@code null} if it is valid
	 */
	private @Nullable Refusal check(@Nullable String assertion) {
		SignedJWT jwt = parse(assertion);
		if (jwt == null) {
			return Refusal.MALFORMED;
		}
		if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm()) || !this.keyId.equals(jwt.getHeader().getKeyID())
				|| !verifies(jwt)) {
			return Refusal.SIGNATURE;
		}
		JWTClaimsSet claims = claims(jwt);
		if (!this.clientId.equals(claims.getIssuer()) || !this.clientId.equals(claims.getSubject())) {
			return Refusal.CLIENT;
		}
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(this.audience)) {
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
			return jwt.verify(new ECDSAVerifier(this.publicKey));
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
			Files.deleteIfExists(this.privateKeyFile);
			Files.deleteIfExists(this.privateKeyFile.getParent());
		}
		catch (IOException ex) {
			// Left to deleteOnExit
		}
	}

	@Override
	public String toString() {
		return "ClientAssertions[clientId=" + this.clientId + ", keyId=" + this.keyId + ", audience=" + this.audience
				+ "]";
	}

	/**
	 * Why a client assertion is refused, in the order the checks run.
	 */
	enum Refusal {

		/**
		 * Missing, or not a signed JWT.
		 */
		MALFORMED("is not a signed JWT"),

		/**
		 * Not signed with ES256 by the registered key.
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
		String description() {
			return this.description;
		}

	}

}
