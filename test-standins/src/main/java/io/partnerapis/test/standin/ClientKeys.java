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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Finds the public key of the private key an application configures under
 * {@code client-assertion.key}, so that a stand-in can verify the assertions it signs;
 * {@link #publicKeyOf(String)} says which keys tell it.
 *
 * @since 0.1.0
 */
public final class ClientKeys {

	private ClientKeys() {
	}

	/**
	 * Returns the public key that belongs to a configured private key. It is known for a
	 * JWK in JSON (RSA or EC), an RSA PKCS#8 PEM key (its public part is derived from the
	 * private key's CRT parameters), and a PEM file that also holds the client's
	 * certificate. It is not known for an EC PKCS#8 PEM key alone: deriving the public
	 * point needs elliptic-curve arithmetic the JDK does not expose.
	 * @param location the key's location, as {@code client-assertion.key} gives it
	 * ({@code file:}, {@code classpath:})
	 * @return the public key, or {@code null} if it cannot be derived or the key cannot
	 * be read
	 */
	public static @Nullable PublicKey publicKeyOf(String location) {
		Resource resource = new DefaultResourceLoader().getResource(location);
		try (InputStream in = resource.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
			return text.startsWith("{") ? fromJwk(text) : fromPem(text);
		}
		catch (IOException | ParseException | JOSEException | GeneralSecurityException | RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable PublicKey fromJwk(String json) throws ParseException, JOSEException {
		JWK jwk = JWK.parse(json);
		return (jwk instanceof AsymmetricJWK asymmetric) ? asymmetric.toPublicKey() : null;
	}

	private static @Nullable PublicKey fromPem(String text) throws GeneralSecurityException {
		PemContent pem = PemContent.of(text);
		if (text.contains("BEGIN CERTIFICATE")) {
			List<X509Certificate> certificates = pem.getCertificates();
			return certificates.get(0).getPublicKey();
		}
		PrivateKey privateKey = pem.getPrivateKey();
		if (privateKey instanceof RSAPrivateCrtKey rsa) {
			return KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
		}
		return null;
	}

}
