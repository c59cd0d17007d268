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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import io.partnerapis.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad {@code partner.apis} configuration stops the application at start-up with a report
 * that names the property and the fix. Runs real applications and reads what they print.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerApiConfigurationFailureAnalyzerTests {

	private static final String SECRET = "s3cr3t-Value-42";

	@TempDir
	Path directory;

	@Test
	void missingCredentialsNameBothProperties(CapturedOutput output) {
		String report = failedStartup(output, "partner.apis.acme.token-uri=https://auth.acme.example/token",
				"partner.apis.acme.base-url=https://api.acme.example");
		assertThat(report).contains("partner.apis.acme.client-id: is missing")
			.contains("partner.apis.acme.client-secret: is missing")
			.contains("Set 'partner.apis.acme.client-id' to the client id the partner issued.");
	}

	@Test
	void missingTokenUriWithoutAPresetValueNamesTheProperty(CapturedOutput output) {
		String report = failedStartup(output, credentials("acme"),
				"partner.apis.acme.base-url=https://api.acme.example");
		assertThat(report).contains("partner.apis.acme.token-uri: is missing")
			.contains("Set 'partner.apis.acme.token-uri' to an absolute https URL.")
			.doesNotContain(SECRET);
	}

	@Test
	void relativeOrMalformedUrlsAreRejected(CapturedOutput output) {
		String report = failedStartup(output, credentials("acme"), "partner.apis.acme.token-uri=/oauth/token",
				"partner.apis.acme.base-url=https://api acme example");
		assertThat(report).contains("partner.apis.acme.token-uri: '/oauth/token' is not an absolute http(s) URL")
			.contains("partner.apis.acme.base-url: 'https://api acme example' is not an absolute http(s) URL");
	}

	@Test
	void rejectedUrlsAreShownWithoutTheirUserInformationOrQuery(CapturedOutput output) {
		String report = failedStartup(output, credentials("acme"),
				"partner.apis.acme.token-uri=http://auth.acme.example/token?client_secret=" + SECRET,
				"partner.apis.acme.base-url=https://user:" + SECRET + "@api acme example/v1?key=" + SECRET);
		assertThat(report).contains("partner.apis.acme.token-uri: 'http://auth.acme.example/token?…' uses plain http")
			.contains("partner.apis.acme.base-url: 'https://…@api acme example/v1?…' is not an absolute http(s) URL")
			.doesNotContain(SECRET);
	}

	@Test
	void plainHttpToAHostThatIsNotLoopbackIsRejectedUnlessAllowed(CapturedOutput output) {
		String report = failedStartup(output, credentials("acme"),
				"partner.apis.acme.token-uri=http://auth.acme.example/token",
				"partner.apis.acme.base-url=http://api.acme.example");
		assertThat(report).contains("partner.apis.acme.token-uri: 'http://auth.acme.example/token' uses plain http")
			.contains("which would send the client secret in clear")
			.contains("set 'partner.apis.acme.allow-insecure-http' to true");
		assertThat(startup(credentials("acme"), "partner.apis.acme.token-uri=http://auth.acme.example/token",
				"partner.apis.acme.base-url=http://api.acme.example", "partner.apis.acme.allow-insecure-http=true"))
			.isNull();
		assertThat(startup(credentials("acme"), "partner.apis.acme.token-uri=http://127.0.0.1:8080/token",
				"partner.apis.acme.base-url=http://localhost:8081"))
			.isNull();
	}

	@Test
	void userInformationInAUrlIsRejectedWithoutEchoingIt(CapturedOutput output) {
		String report = failedStartup(output, credentials("acme"),
				"partner.apis.acme.token-uri=https://user:" + SECRET + "@auth.acme.example/token",
				"partner.apis.acme.base-url=https://api.acme.example");
		assertThat(report).contains("partner.apis.acme.token-uri: holds user information before its host")
			.doesNotContain(SECRET);
	}

	@Test
	void zeroOrNegativeDurationsAreRejected(CapturedOutput output) {
		String report = failedStartup(output, valid("acme"), "partner.apis.acme.refresh-before-expiry=0s",
				"partner.apis.acme.token.response-timeout=-5s", "partner.apis.acme.token.max-retries=-1");
		assertThat(report).contains("partner.apis.acme.refresh-before-expiry: is PT0S, which is not positive")
			.contains("partner.apis.acme.token.response-timeout: is PT-5S, which is not positive")
			.contains("partner.apis.acme.token.max-retries: is -1, which is negative")
			.contains("Set 'partner.apis.acme.refresh-before-expiry' to a positive duration such as 30s.");
	}

	@Test
	void unknownProviderListsTheKnownOnes(CapturedOutput output) {
		String report = failedStartup(output, valid("acme"), "partner.apis.acme.provider=budsence");
		assertThat(report).contains("partner.apis.acme.provider")
			.contains("\"budsence\"")
			.contains("The following values are valid")
			.contains("BUDSENSE")
			.contains("GENERIC");
	}

	@Test
	void unknownEnvironmentListsTheKnownOnes(CapturedOutput output) {
		String report = failedStartup(output, valid("acme"), "partner.apis.acme.environment=staging");
		assertThat(report).contains("partner.apis.acme.environment")
			.contains("\"staging\"")
			.contains("PRODUCTION")
			.contains("SANDBOX");
	}

	@Test
	void privateKeyJwtWithoutAKeyNamesTheKeyProperty(CapturedOutput output) {
		String report = failedStartup(output, valid("acme"),
				"partner.apis.acme.client-authentication-method=private-key-jwt");
		assertThat(report).contains("partner.apis.acme.client-assertion.key: is missing")
			.contains("Set 'partner.apis.acme.client-assertion.key' to the location of the private key");
	}

	@Test
	void aKeyWithAMethodThatSignsNoAssertionIsNamed(CapturedOutput output) {
		String report = failedStartup(output, valid("acme"),
				"partner.apis.acme.client-assertion.key=file:/etc/keys/acme.pem");
		assertThat(report).contains(
				"partner.apis.acme.client-assertion.key: is set, but 'client-authentication-method' is client-secret-basic, which does not sign with a private key")
			.contains("Set 'partner.apis.acme.client-authentication-method' to private-key-jwt");
	}

	@Test
	void aKeyLocationThatDoesNotExistOrHoldsNoPrivateKeyIsNamed(CapturedOutput output) {
		String certificate = TestKeys.selfSignedCertificate(this.directory, "not-a-key")[0].toUri().toString();
		String publicJwk = write("public.json",
				TestKeys.jwk(TestKeys.rsa(2048), "public-only").toPublicJWK().toJSONString());
		String report = failedStartup(output, valid("acme"), valid("beta"),
				"partner.apis.acme.client-authentication-method=private-key-jwt",
				"partner.apis.acme.client-assertion.key=file:/nonexistent/partner.pem",
				"partner.apis.beta.client-authentication-method=private-key-jwt",
				"partner.apis.beta.client-assertion.key=" + certificate, "partner.apis.gamma.client-id=id-gamma",
				"partner.apis.gamma.token-uri=https://auth.gamma.example/token",
				"partner.apis.gamma.base-url=https://api.gamma.example",
				"partner.apis.gamma.client-authentication-method=private-key-jwt",
				"partner.apis.gamma.client-assertion.key=" + publicJwk);
		assertThat(report)
			.contains("partner.apis.acme.client-assertion.key: 'file:/nonexistent/partner.pem' does not exist")
			.contains("partner.apis.beta.client-assertion.key: '" + certificate + "' holds no private key")
			.contains("partner.apis.gamma.client-assertion.key: '" + publicJwk + "' holds no private key");
	}

	@Test
	void anAlgorithmThatDoesNotFitTheKeyIsNamed(CapturedOutput output) {
		String key = TestKeys.writePkcs8(TestKeys.ec("secp256r1"), this.directory.resolve("ec.pem"));
		String report = failedStartup(output, valid("acme"),
				"partner.apis.acme.client-authentication-method=private-key-jwt",
				"partner.apis.acme.client-assertion.key=" + key, "partner.apis.acme.client-assertion.algorithm=RS256");
		assertThat(report)
			.contains("partner.apis.acme.client-assertion.algorithm: is RS256, which does not fit an EC key on P-256")
			.contains("Set 'partner.apis.acme.client-assertion.algorithm' to ES256, or remove it");
	}

	@Test
	void aJwkWhoseOwnAlgorithmDoesNotFitItsKeyIsNamedAsTheKey(CapturedOutput output) {
		ECKey jwk = new ECKey.Builder((ECKey) TestKeys.jwk(TestKeys.ec("secp256r1"), "ec-1"))
			.algorithm(JWSAlgorithm.RS256)
			.build();
		String key = write("ec-rs256.json", jwk.toJSONString());
		String report = failedStartup(output, valid("acme"),
				"partner.apis.acme.client-authentication-method=private-key-jwt",
				"partner.apis.acme.client-assertion.key=" + key);
		assertThat(report).contains(
				"partner.apis.acme.client-assertion.key: holds a JWK whose 'alg' is RS256, which does not fit an EC key on P-256")
			.contains("Correct the JWK's 'alg', or set 'partner.apis.acme.client-assertion.algorithm' to ES256.");
	}

	@Test
	void anRsaKeyShorterThan2048BitsIsRejectedWithoutShowingIt(CapturedOutput output) throws Exception {
		KeyPair keyPair = TestKeys.rsa(1024);
		String key = TestKeys.writePkcs8(keyPair, this.directory.resolve("short.pem"));
		String report = failedStartup(output, valid("acme"),
				"partner.apis.acme.client-authentication-method=private-key-jwt",
				"partner.apis.acme.client-assertion.key=" + key);
		assertThat(report).contains(
				"partner.apis.acme.client-assertion.key: '" + key + "' holds a 1024-bit RSA key, which is too short");
		String keyContent = Files.readString(this.directory.resolve("short.pem"));
		assertThat(output.getAll()).doesNotContain(keyContent.lines().skip(1).findFirst().orElseThrow());
	}

	@Test
	void clientSecretJwtWithASecretTooShortForTheAlgorithmIsRejected(CapturedOutput output) {
		String report = failedStartup(output, valid("acme"),
				"partner.apis.acme.client-authentication-method=client-secret-jwt");
		assertThat(report).contains("partner.apis.acme.client-secret: is " + SECRET.length()
				+ " bytes long, shorter than the 32 bytes HS256 needs");
	}

	@Test
	void tlsClientAuthWithoutAUsableBundleIsRejected(CapturedOutput output) {
		Path[] certificate = TestKeys.selfSignedCertificate(this.directory, "server");
		assertThat(
				failedStartup(output, valid("acme"), "partner.apis.acme.client-authentication-method=tls-client-auth"))
			.contains("partner.apis.acme.ssl.bundle: is missing");
		String report = failedStartup(output, valid("beta"), valid("gamma"),
				"partner.apis.beta.client-authentication-method=self-signed-tls-client-auth",
				"partner.apis.beta.ssl.bundle=nope", "partner.apis.gamma.client-authentication-method=tls-client-auth",
				"partner.apis.gamma.ssl.bundle=trust-only",
				"spring.ssl.bundle.pem.trust-only.truststore.certificate=" + certificate[0].toUri());
		assertThat(report)
			.contains("partner.apis.beta.ssl.bundle: names 'nope', which is not an SSL bundle Spring Boot knows")
			.contains("partner.apis.gamma.ssl.bundle: names 'trust-only', whose key store holds no private key");
	}

	@Test
	void validConfigurationStarts() {
		assertThat(startup(valid("acme"))).isNull();
	}

	private String write(String name, String content) {
		try {
			Path file = this.directory.resolve(name);
			Files.writeString(file, content);
			return file.toUri().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String failedStartup(CapturedOutput output, Object... properties) {
		Throwable failure = startup(properties);
		assertThat(failure).as("start-up failure").isNotNull();
		String printed = output.getAll();
		assertThat(printed).contains("APPLICATION FAILED TO START").doesNotContain(SECRET);
		return printed.substring(printed.lastIndexOf("APPLICATION FAILED TO START"));
	}

	private static Throwable startup(Object... properties) {
		List<String> args = new ArrayList<>();
		for (Object property : properties) {
			if (property instanceof String[] many) {
				for (String one : many) {
					args.add("--" + one);
				}
			}
			else {
				args.add("--" + property);
			}
		}
		args.add("--spring.main.banner-mode=off");
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try {
			application.run(args.toArray(String[]::new)).close();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static String[] credentials(String name) {
		return new String[] { "partner.apis." + name + ".client-id=id-" + name,
				"partner.apis." + name + ".client-secret=" + SECRET };
	}

	private static String[] valid(String name) {
		return new String[] { "partner.apis." + name + ".client-id=id-" + name,
				"partner.apis." + name + ".client-secret=" + SECRET,
				"partner.apis." + name + ".token-uri=https://auth." + name + ".example/token",
				"partner.apis." + name + ".base-url=https://api." + name + ".example" };
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, PartnerApisAutoConfiguration.class,
			WebClientAutoConfiguration.class })
	static class TestApplication {

	}

}
