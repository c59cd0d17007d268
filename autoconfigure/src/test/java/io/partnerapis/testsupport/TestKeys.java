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

package io.partnerapis.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Keys and certificates made by a test when it runs, written where the test says: never
 * committed. Key pairs come from the JDK's {@link KeyPairGenerator}, certificates from
 * the JDK's {@code keytool}.
 */
public final class TestKeys {

	private TestKeys() {
	}

	/**
	 * Generates an RSA key pair.
	 * @param bits the modulus length
	 * @return the key pair
	 */
	public static KeyPair rsa(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Generates an EC key pair.
	 * @param curve the curve's standard name, such as {@code secp256r1}
	 * @return the key pair
	 */
	public static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes a key pair's private key as an unencrypted PKCS#8 PEM file.
	 * @param keyPair the key pair
	 * @param file where to write it
	 * @return the file's location as a Spring resource location
	 */
	public static String writePkcs8(KeyPair keyPair, Path file) {
		return write(file, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
	}

	/**
	 * Writes a key pair as a private JWK in JSON.
	 * @param keyPair the key pair, RSA or EC
	 * @param keyId the JWK's {@code kid}
	 * @param file where to write it
	 * @return the file's location as a Spring resource location
	 */
	public static String writeJwk(KeyPair keyPair, String keyId, Path file) {
		return write(file, jwk(keyPair, keyId).toJSONString());
	}

	/**
	 * Returns a key pair as a private JWK.
	 * @param keyPair the key pair, RSA or EC
	 * @param keyId the JWK's {@code kid}
	 * @return the JWK
	 */
	public static JWK jwk(KeyPair keyPair, String keyId) {
		if (keyPair.getPublic() instanceof RSAPublicKey rsa) {
			return new RSAKey.Builder(rsa).privateKey(keyPair.getPrivate()).keyID(keyId).build();
		}
		ECPublicKey ec = (ECPublicKey) keyPair.getPublic();
		return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).privateKey(keyPair.getPrivate())
			.keyID(keyId)
			.build();
	}

	/**
	 * Makes a self-signed certificate and its RSA key with the JDK's {@code keytool}, and
	 * writes both as PEM files, {@code <name>.crt} and {@code <name>.key}.
	 * @param directory where to write them
	 * @param name the files' name and the certificate's common name
	 * @return the certificate file and the key file
	 */
	public static Path[] selfSignedCertificate(Path directory, String name) {
		Path keyStore = directory.resolve(name + ".p12");
		keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=" + name, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", "changeit");
		try {
			java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
			try (var in = Files.newInputStream(keyStore)) {
				store.load(in, "changeit".toCharArray());
			}
			Certificate certificate = store.getCertificate(name);
			java.security.Key key = store.getKey(name, "changeit".toCharArray());
			Path certificateFile = directory.resolve(name + ".crt");
			Path keyFile = directory.resolve(name + ".key");
			Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
			Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
			return new Path[] { certificateFile, keyFile };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void keytool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static String write(Path file, String content) {
		try {
			Files.writeString(file, content);
			return file.toUri().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
