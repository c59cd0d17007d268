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

package io.partnerapis.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.partnerapis.ClientAuthentication;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerApisProperties.ClientAssertion;
import io.partnerapis.PartnerApisProperties.SigningAlgorithm;
import io.partnerapis.token.PartnerTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StreamUtils;
import org.springframework.util.StringUtils;

/**
 * Reads the key that signs a partner's client assertions, once at start-up, and checks
 * that the algorithm fits it: a PKCS#8 PEM private key through Spring Boot's PEM support
 * or a JWK in JSON through Nimbus JOSE, an RSA key of at least 2048 bits (RS256 unless
 * set, or any RS or PS algorithm), an EC key on P-256 (ES256) or P-384 (ES384), or the
 * client secret with {@code client-secret-jwt} (HS256 unless set, at least as many bytes
 * as the hash). Kept apart from {@link ClientAuthenticationLoader} so that Nimbus classes
 * load only for partners that sign assertions.
 */
final class ClientAssertionKeys {

	private static final Set<SigningAlgorithm> RSA_ALGORITHMS = Set.of(SigningAlgorithm.RS256, SigningAlgorithm.RS384,
			SigningAlgorithm.RS512, SigningAlgorithm.PS256, SigningAlgorithm.PS384, SigningAlgorithm.PS512);

	private static final Set<SigningAlgorithm> HMAC_ALGORITHMS = Set.of(SigningAlgorithm.HS256, SigningAlgorithm.HS384,
			SigningAlgorithm.HS512);

	private static final int MIN_RSA_BITS = 2048;

	private final ResourceLoader resourceLoader;

	private final String prefix;

	ClientAssertionKeys(ResourceLoader resourceLoader, String prefix) {
		this.resourceLoader = resourceLoader;
		this.prefix = prefix;
	}

	/**
	 * Sets the partner's client assertion on its token handling.
	 * @param api the partner's properties, validated, with a JWT client authentication
	 * method
	 * @param tokens the partner's token handling
	 * @return the token handling
	 * @throws PartnerApiConfigurationException if the key or algorithm cannot be used
	 */
	PartnerTokens clientAssertion(Api api, PartnerTokens tokens) {
		ClientAssertion assertion = api.getClientAssertion();
		SigningKey key = (api.getClientAuthenticationMethod() == ClientAuthentication.PRIVATE_KEY_JWT)
				? privateKey(this.prefix, assertion) : secretKey(this.prefix, api);
		String keyId = StringUtils.hasText(assertion.getKeyId()) ? assertion.getKeyId() : key.keyId();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm().name())).keyID(keyId).build();
		String audience = StringUtils.hasText(assertion.getAudience()) ? assertion.getAudience()
				: PartnerApisPropertiesValidator.required(api.getTokenUri(), this.prefix + "token-uri");
		String clientId = PartnerApisPropertiesValidator.required(api.getClientId(), this.prefix + "client-id");
		return tokens.clientAssertion(clientId, audience, assertion.getLifetime(), key.signer(), header);
	}

	private SigningKey privateKey(String prefix, ClientAssertion assertion) {
		String property = prefix + "client-assertion.key";
		String location = PartnerApisPropertiesValidator.required(assertion.getKey(), property);
		Resource resource = this.resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw ClientAuthenticationLoader.fail(property, "'" + location + "' does not exist",
					"Set '" + property + "' to the location of the client's private key, such as "
							+ "'file:/etc/keys/partner.pem' (PKCS#8 PEM) or 'classpath:partner-jwk.json' (a JWK).");
		}
		String content;
		try (InputStream in = resource.getInputStream()) {
			content = StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw ClientAuthenticationLoader.fail(property,
					"'" + location + "' could not be read (" + ex.getClass().getSimpleName() + ")",
					"Make '" + location + "' readable by the application.");
		}
		KeyAndId parsed = parse(property, location, content);
		PrivateKey key = parsed.key();
		SigningAlgorithm algorithm = (assertion.getAlgorithm() != null) ? assertion.getAlgorithm() : parsed.algorithm();
		boolean fromJwk = assertion.getAlgorithm() == null && parsed.algorithm() != null;
		String algorithmProperty = fromJwk ? property : prefix + "client-assertion.algorithm";
		try {
			if (key instanceof RSAPrivateKey rsa) {
				int bits = rsa.getModulus().bitLength();
				if (bits < MIN_RSA_BITS) {
					throw ClientAuthenticationLoader.fail(property,
							"'" + location + "' holds a " + bits + "-bit RSA key, which is too short",
							"Use an RSA key of at least " + MIN_RSA_BITS + " bits, or an EC key on P-256 or P-384.");
				}
				algorithm = (algorithm != null) ? algorithm : SigningAlgorithm.RS256;
				requireFit(algorithmProperty, algorithm, RSA_ALGORITHMS, "an RSA key", fromJwk);
				return new SigningKey(new RSASSASigner(rsa), algorithm, parsed.keyId());
			}
			if (key instanceof ECPrivateKey ec) {
				Curve curve = Curve.forECParameterSpec(ec.getParams());
				SigningAlgorithm fitting = Curve.P_256.equals(curve) ? SigningAlgorithm.ES256
						: Curve.P_384.equals(curve) ? SigningAlgorithm.ES384 : null;
				if (fitting == null) {
					throw ClientAuthenticationLoader.fail(property,
							"'" + location + "' holds an EC key on a curve other than P-256 or P-384",
							"Use an EC key on P-256 or P-384, or an RSA key of at least " + MIN_RSA_BITS + " bits.");
				}
				algorithm = (algorithm != null) ? algorithm : fitting;
				requireFit(algorithmProperty, algorithm, Set.of(fitting), "an EC key on " + curve, fromJwk);
				return new SigningKey(new ECDSASigner(ec), algorithm, parsed.keyId());
			}
		}
		catch (JOSEException ex) {
			throw ClientAuthenticationLoader.fail(property, "'" + location
					+ "' holds a key Nimbus JOSE cannot sign with (" + ex.getClass().getSimpleName() + ")",
					"Use an RSA key or an EC key on P-256 or P-384.");
		}
		throw ClientAuthenticationLoader.fail(property,
				"'" + location + "' holds a " + key.getAlgorithm() + " key, which cannot sign assertions",
				"Use an RSA key of at least " + MIN_RSA_BITS + " bits, or an EC key on P-256 or P-384.");
	}

	private SigningKey secretKey(String prefix, Api api) {
		SigningAlgorithm algorithm = (api.getClientAssertion().getAlgorithm() != null)
				? api.getClientAssertion().getAlgorithm() : SigningAlgorithm.HS256;
		requireFit(prefix + "client-assertion.algorithm", algorithm, HMAC_ALGORITHMS,
				"a client secret ('client-secret-jwt')", false);
		byte[] secret = PartnerApisPropertiesValidator.required(api.getClientSecret(), prefix + "client-secret")
			.getBytes(StandardCharsets.UTF_8);
		int needed = Integer.parseInt(algorithm.name().substring(2)) / 8;
		if (secret.length < needed) {
			throw ClientAuthenticationLoader.fail(prefix + "client-secret",
					"is " + secret.length + " bytes long, shorter than the " + needed + " bytes " + algorithm
							+ " needs",
					"Use a client secret of at least " + needed + " bytes with 'client-secret-jwt', or another "
							+ "'client-assertion.algorithm' (HS256 needs 32 bytes).");
		}
		try {
			return new SigningKey(new MACSigner(secret), algorithm, null);
		}
		catch (JOSEException ex) {
			throw ClientAuthenticationLoader.fail(prefix + "client-secret",
					"cannot sign with " + algorithm + " (" + ex.getClass().getSimpleName() + ")",
					"Use a client secret of at least " + needed + " bytes.");
		}
	}

	private static KeyAndId parse(String property, String location, String content) {
		String text = content.strip();
		try {
			if (text.startsWith("{")) {
				JWK jwk = JWK.parse(text);
				SigningAlgorithm algorithm = (jwk.getAlgorithm() != null) ? algorithm(jwk.getAlgorithm().getName())
						: null;
				PrivateKey key = (jwk instanceof RSAKey rsa) ? rsa.toPrivateKey()
						: (jwk instanceof ECKey ec) ? ec.toECPrivateKey() : null;
				if (key != null) {
					return new KeyAndId(key, jwk.getKeyID(), algorithm);
				}
			}
			else if (PemContent.isPresentInText(text) && text.contains("PRIVATE KEY-----")) {
				PemContent pem = PemContent.of(text);
				PrivateKey key = (pem != null) ? pem.getPrivateKey() : null;
				if (key != null) {
					return new KeyAndId(key, null, null);
				}
			}
		}
		catch (Exception ex) {
			throw ClientAuthenticationLoader.fail(property,
					"'" + location + "' could not be read as a PKCS#8 PEM private key or a JWK ("
							+ ex.getClass().getSimpleName() + ")",
					"Set '" + property + "' to an unencrypted PKCS#8 PEM private key ('BEGIN PRIVATE KEY') or a "
							+ "private JWK in JSON.");
		}
		throw ClientAuthenticationLoader.fail(property, "'" + location + "' holds no private key",
				"Set '" + property + "' to an unencrypted PKCS#8 PEM private key ('BEGIN PRIVATE KEY') or a private "
						+ "JWK in JSON; a certificate or public key cannot sign.");
	}

	private static @Nullable SigningAlgorithm algorithm(String name) {
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			if (algorithm.name().equals(name)) {
				return algorithm;
			}
		}
		return null;
	}

	private static void requireFit(String property, SigningAlgorithm algorithm, Set<SigningAlgorithm> fitting,
			String key, boolean fromJwk) {
		if (!fitting.contains(algorithm)) {
			String names = String.join(", ", fitting.stream().map(Enum::name).sorted().toList());
			throw ClientAuthenticationLoader.fail(property,
					(fromJwk ? "holds a JWK whose 'alg' is " : "is ") + algorithm + ", which does not fit " + key,
					fromJwk ? "Correct the JWK's 'alg', or set '" + property.replace(".key", ".algorithm") + "' to "
							+ names + "."
							: "Set '" + property + "' to " + names + ", or remove it to use the key's own.");
		}
	}

	private record KeyAndId(PrivateKey key, @Nullable String keyId, @Nullable SigningAlgorithm algorithm) {

		@Override
		public String toString() {
			return "KeyAndId[keyId=" + this.keyId + ", algorithm=" + this.algorithm + "]";
		}

	}

	private record SigningKey(JWSSigner signer, SigningAlgorithm algorithm, @Nullable String keyId) {

	}

}
