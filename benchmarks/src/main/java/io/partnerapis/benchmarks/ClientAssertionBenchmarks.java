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

package io.partnerapis.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.partnerapis.token.ClientAssertionBenchmarkSigners;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.util.MultiValueMap;

/**
 * JMH benchmarks of building one client assertion for {@code private_key_jwt}: the form
 * parameters of one token request from the starter's
 * {@code ClientAssertionSigner.parameters()}, with a newly signed JWT each time, as the
 * token response client asks for them. RS256 with a 2048-bit RSA key and ES256 with a
 * P-256 key, both generated in set-up and signed by Nimbus JOSE, as the
 * auto-configuration does with the keys it reads.
 *
 * <p>
 * This is paid once per token request, never per API call; the per-call figures are the
 * hot-path benchmarks' ({@link HotPathBenchmarks}, {@link ServletHotPathBenchmarks}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ClientAssertionBenchmarks {

	private static final String AUDIENCE = "https://partner.example/oauth2/token";

	private Supplier<MultiValueMap<String, String>> rs256;

	private Supplier<MultiValueMap<String, String>> es256;

	/**
	 * Generates the keys and builds one signer for each algorithm.
	 * @throws GeneralSecurityException if a key cannot be generated
	 * @throws JOSEException if Nimbus rejects a key
	 */
	@Setup(Level.Trial)
	public void setUp() throws GeneralSecurityException, JOSEException {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		this.rs256 = signer(new RSASSASigner((RSAPrivateKey) rsa.generateKeyPair().getPrivate()), JWSAlgorithm.RS256,
				"bench-rs256");
		this.es256 = signer(new ECDSASigner((ECPrivateKey) ec.generateKeyPair().getPrivate()), JWSAlgorithm.ES256,
				"bench-es256");
	}

	private static Supplier<MultiValueMap<String, String>> signer(JWSSigner signer, JWSAlgorithm algorithm,
			String keyId) {
		JWSHeader header = new JWSHeader.Builder(algorithm).keyID(keyId).build();
		Supplier<MultiValueMap<String, String>> assertions = ClientAssertionBenchmarkSigners.parameters("bench",
				"bench-client", AUDIENCE, Duration.ofSeconds(60), signer, header, Clock.systemUTC());
		if (assertions.get().getFirst("client_assertion").split("\\.").length != 3) {
			throw new IllegalStateException("Not a compact JWS: " + algorithm);
		}
		return assertions;
	}

	/**
	 * The parameters of one token request, with an assertion signed by RS256 and a
	 * 2048-bit RSA key.
	 * @return the parameters
	 */
	@Benchmark
	public MultiValueMap<String, String> rs256() {
		return this.rs256.get();
	}

	/**
	 * The parameters of one token request, with an assertion signed by ES256 and a P-256
	 * key.
	 * @return the parameters
	 */
	@Benchmark
	public MultiValueMap<String, String> es256() {
		return this.es256.get();
	}

}
