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
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Keys and certificates made for one test run, written into a directory: a test CA, the
 * server's certificate (signed by the CA, for {@code localhost}), client certificates
 * (signed by the CA, or self-signed) and the clients' signing keys. Certificates are made
 * with the JDK's {@code keytool}, keys with {@code java.security}; nothing is committed.
 */
public final class TestPki {

	static final String PASSWORD = "changeit";

	/** The {@code client_secret_jwt} client's secret: 48 bytes, more than HS256 needs. */
	public static final String CLIENT_SECRET_JWT_SECRET = "client-secret-jwt-secret-of-more-than-32-bytes!!";

	private final Path directory;

	private final String keytool;

	private X509Certificate ca;

	private X509Certificate tlsClientCertificate;

	private X509Certificate otherClientCertificate;

	private X509Certificate selfSignedClientCertificate;

	private TestPki(Path directory) {
		this.directory = directory;
		this.keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
	}

	/**
	 * Make all keys and certificates in the given directory.
	 * @param directory an empty directory
	 * @return the material
	 * @throws Exception on failure
	 */
	public static TestPki create(Path directory) throws Exception {
		TestPki pki = new TestPki(directory);
		pki.generate();
		return pki;
	}

	private void generate() throws Exception {
		keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=partner-apis test CA", "-ext", "bc:c", "-validity", "2", "-keystore", store("ca"));
		this.ca = certificate("ca", "ca");
		writePem("ca.pem", this.ca);
		X509Certificate server = caSigned("server", "CN=localhost", "EC", "SAN=dns:localhost,ip:127.0.0.1",
				"EKU=serverAuth");
		writePem("server-chain.pem", server, this.ca);
		writeKey("server-key.pem", privateKey("server"));
		this.tlsClientCertificate = caSigned("tls-client", "CN=tls-client,O=partner-apis tests", "RSA", null,
				"EKU=clientAuth");
		writePem("tls-client-chain.pem", this.tlsClientCertificate, this.ca);
		writeKey("tls-client-key.pem", privateKey("tls-client"));
		this.otherClientCertificate = caSigned("other-client", "CN=other-client,O=partner-apis tests", "EC", null,
				"EKU=clientAuth");
		writePem("other-client-chain.pem", this.otherClientCertificate, this.ca);
		writeKey("other-client-key.pem", privateKey("other-client"));
		keytool("-genkeypair", "-alias", "self-signed-client", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=self-signed-client,O=partner-apis tests", "-validity", "2", "-keystore",
				store("self-signed-client"));
		this.selfSignedClientCertificate = certificate("self-signed-client", "self-signed-client");
		writePem("self-signed-client.pem", this.selfSignedClientCertificate);
		writeKey("self-signed-client-key.pem", privateKey("self-signed-client"));
		// The server trusts certificates issued by the CA and the self-signed client's
		// certificate, so that the TLS handshake lets them through to the authorization
		// server.
		writePem("server-trust.pem", this.ca, this.selfSignedClientCertificate);
		JWK selfSignedJwk = new ECKey.Builder(Curve.P_256,
				(ECPublicKey) this.selfSignedClientCertificate.getPublicKey())
			.keyID("self-signed-client")
			.keyUse(KeyUse.SIGNATURE)
			.x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(this.selfSignedClientCertificate.getEncoded())))
			.build();
		writeJwkSet("self-signed-tls-client", selfSignedJwk);
		generateSigningKeys();
		// The tls-client's key and chain, and the CA, also as PKCS#12 stores for
		// JKS-style bundles.
		writeStore("tls-client-keystore.p12", clientKeyStore("tls-client"));
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("ca", this.ca);
		writeStore("ca-truststore.p12", trustStore);
	}

	private void writeStore(String file, KeyStore store) throws Exception {
		try (OutputStream out = Files.newOutputStream(this.directory.resolve(file))) {
			store.store(out, PASSWORD.toCharArray());
		}
	}

	private void generateSigningKeys() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair rsaKeyPair = rsa.generateKeyPair();
		writeKey("rsa-jwt-client-key.pem", rsaKeyPair.getPrivate());
		writeJwkSet("rsa-jwt-client",
				new RSAKey.Builder((RSAPublicKey) rsaKeyPair.getPublic()).keyID("rsa-key-1")
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.build());
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair ecKeyPair = ec.generateKeyPair();
		ECKey ecJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) ecKeyPair.getPublic())
			.privateKey(ecKeyPair.getPrivate())
			.keyID("ec-key-1")
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.ES256)
			.build();
		// The EC client's key is given to the starter as a JWK (the RSA client's as PEM).
		Files.writeString(this.directory.resolve("ec-jwt-client-key.json"), ecJwk.toJSONString());
		writeJwkSet("ec-jwt-client", ecJwk.toPublicJWK());
	}

	private X509Certificate caSigned(String alias, String dname, String keyAlgorithm, String san, String eku)
			throws Exception {
		List<String> genkeypair = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", keyAlgorithm,
				"-dname", dname, "-validity", "2", "-keystore", store(alias)));
		genkeypair.addAll("EC".equals(keyAlgorithm) ? List.of("-groupname", "secp256r1") : List.of("-keysize", "2048"));
		keytool(genkeypair.toArray(String[]::new));
		Path csr = this.directory.resolve(alias + ".csr");
		Path crt = this.directory.resolve(alias + ".crt");
		keytool("-certreq", "-alias", alias, "-keystore", store(alias), "-file", csr.toString());
		List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", store("ca"), "-infile",
				csr.toString(), "-outfile", crt.toString(), "-rfc", "-validity", "2", "-ext", eku));
		if (san != null) {
			gencert.addAll(List.of("-ext", san));
		}
		keytool(gencert.toArray(String[]::new));
		try (InputStream in = Files.newInputStream(crt)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private String store(String name) {
		return this.directory.resolve(name + ".p12").toString();
	}

	private void keytool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.keytool);
		command.addAll(Arrays.asList(arguments));
		command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
		}
	}

	private KeyStore keyStore(String name) throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(Path.of(store(name)))) {
			keyStore.load(in, PASSWORD.toCharArray());
		}
		return keyStore;
	}

	private X509Certificate certificate(String store, String alias) throws Exception {
		return (X509Certificate) keyStore(store).getCertificate(alias);
	}

	private PrivateKey privateKey(String alias) throws Exception {
		return (PrivateKey) keyStore(alias).getKey(alias, PASSWORD.toCharArray());
	}

	private void writePem(String file, Certificate... certificates) throws Exception {
		StringBuilder pem = new StringBuilder();
		for (Certificate certificate : certificates) {
			pem.append(pem("CERTIFICATE", certificate.getEncoded()));
		}
		Files.writeString(this.directory.resolve(file), pem);
	}

	private void writeKey(String file, PrivateKey key) throws IOException {
		// PKCS#8, as Key.getEncoded() returns it for private keys.
		Files.writeString(this.directory.resolve(file), pem("PRIVATE KEY", key.getEncoded()));
	}

	private void writeJwkSet(String clientId, JWK jwk) throws IOException {
		Files.writeString(jwkSet(this.directory, clientId), new JWKSet(jwk).toString(true));
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	/**
	 * The file that holds the public JWK set of a client.
	 * @param directory the directory of the material
	 * @param clientId the client
	 * @return the file
	 */
	public static Path jwkSet(Path directory, String clientId) {
		return directory.resolve(clientId + ".jwks.json");
	}

	/**
	 * The {@code SHA-256} thumbprint of a certificate, as in {@code cnf.x5t#S256}.
	 * @param certificate the certificate
	 * @return the base64url thumbprint
	 * @throws Exception on failure
	 */
	public static String thumbprint(X509Certificate certificate) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	public Path directory() {
		return this.directory;
	}

	/**
	 * A {@code file:} location of a file of the material.
	 * @param file the file name
	 * @return the location
	 */
	public String location(String file) {
		return "file:" + this.directory.resolve(file);
	}

	public X509Certificate ca() {
		return this.ca;
	}

	public X509Certificate tlsClientCertificate() {
		return this.tlsClientCertificate;
	}

	public X509Certificate otherClientCertificate() {
		return this.otherClientCertificate;
	}

	public X509Certificate selfSignedClientCertificate() {
		return this.selfSignedClientCertificate;
	}

	/**
	 * A key store with one client's key and certificate chain, for plain clients.
	 * @param alias {@code tls-client}, {@code other-client} or {@code self-signed-client}
	 * @return the key store, protected with {@link #PASSWORD}
	 * @throws Exception on failure
	 */
	public KeyStore clientKeyStore(String alias) throws Exception {
		KeyStore source = keyStore(alias);
		Certificate[] chain = switch (alias) {
			case "tls-client" -> new Certificate[] { this.tlsClientCertificate, this.ca };
			case "other-client" -> new Certificate[] { this.otherClientCertificate, this.ca };
			case "self-signed-client" -> new Certificate[] { this.selfSignedClientCertificate };
			default -> throw new IllegalArgumentException("No client certificate " + alias);
		};
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setKeyEntry(alias, source.getKey(alias, PASSWORD.toCharArray()), PASSWORD.toCharArray(), chain);
		return keyStore;
	}

}
