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

package io.partnerapis.usecases;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerStub;
import io.partnerapis.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a token request carries on the wire when the client authenticates with a signed
 * JWT ({@code private-key-jwt}, {@code client-secret-jwt}) or with its id alone
 * ({@code none}): the assertion's claims and signature as RFC 7523 section 3 asks, a
 * fresh {@code jti} on every request and retry, and never a client secret.
 */
class ClientAssertionTests {

	private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private static final String HMAC_SECRET = "a-client-secret-of-at-least-32-bytes-for-hs256";

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@TempDir
	Path keys;

	@Test
	void privateKeyJwtWithAnRsaPemKeySignsRs256AssertionsAndSendsNoSecret() throws Exception {
		KeyPair keyPair = TestKeys.rsa(2048);
		String key = TestKeys.writePkcs8(keyPair, this.keys.resolve("rsa.pem"));
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		runner("private-key-jwt", "client-assertion.key=" + key, "client-assertion.key-id=rsa-1").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			for (int i = 0; i < 3; i++) {
				assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
				assertThat(PartnerStub.call(restClient, "/things")).isEqualTo(200);
			}
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			LoggedRequest request = this.partner.tokenRequestsReceived().get(0);
			Map<String, String> form = Forms.parse(request.getBodyAsString());
			assertThat(form).containsEntry("grant_type", "client_credentials")
				.containsEntry("client_assertion_type", JWT_BEARER)
				.containsEntry("client_id", "client-acme")
				.doesNotContainKey("client_secret");
			assertThat(request.containsHeader("Authorization")).isFalse();
			SignedJWT assertion = verified(form.get("client_assertion"),
					new RSASSAVerifier((RSAPublicKey) keyPair.getPublic()));
			assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			assertThat(assertion.getHeader().getKeyID()).isEqualTo("rsa-1");
			JWTClaimsSet claims = assertion.getJWTClaimsSet();
			assertThat(claims.getIssuer()).isEqualTo("client-acme");
			assertThat(claims.getSubject()).isEqualTo("client-acme");
			assertThat(claims.getAudience()).containsExactly(this.partner.tokenUri());
			assertThat(claims.getJWTID()).isNotBlank();
			assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
				.isEqualTo(Duration.ofSeconds(60));
		});
	}

	@Test
	void privateKeyJwtWithAnEcJwkUsesItsKeyIdAndEs256() throws Exception {
		KeyPair keyPair = TestKeys.ec("secp256r1");
		String key = TestKeys.writeJwk(keyPair, "ec-from-jwk", this.keys.resolve("ec.json"));
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		runner("private-key-jwt", "client-assertion.key=" + key).run((context) -> {
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			SignedJWT assertion = verified(assertionOf(0), new ECDSAVerifier((ECPublicKey) keyPair.getPublic()));
			assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
			assertThat(assertion.getHeader().getKeyID()).isEqualTo("ec-from-jwk");
		});
	}

	@Test
	void privateKeyJwtWithAP384PemKeyUsesEs384() throws Exception {
		KeyPair keyPair = TestKeys.ec("secp384r1");
		String key = TestKeys.writePkcs8(keyPair, this.keys.resolve("ec384.pem"));
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		runner("private-key-jwt", "client-assertion.key=" + key).run((context) -> {
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			SignedJWT assertion = verified(assertionOf(0), new ECDSAVerifier((ECPublicKey) keyPair.getPublic()));
			assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
			assertThat(assertion.getHeader().getKeyID()).isNull();
		});
	}

	@Test
	void algorithmAudienceAndLifetimeFollowTheirProperties() throws Exception {
		KeyPair keyPair = TestKeys.rsa(2048);
		String key = TestKeys.writePkcs8(keyPair, this.keys.resolve("rsa.pem"));
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		runner("private-key-jwt", "client-assertion.key=" + key, "client-assertion.algorithm=PS384",
				"client-assertion.audience=https://issuer.acme.example", "client-assertion.lifetime=5m")
			.run((context) -> {
				assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things"))
					.isEqualTo(200);
				SignedJWT assertion = verified(assertionOf(0), new RSASSAVerifier((RSAPublicKey) keyPair.getPublic()));
				assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS384);
				JWTClaimsSet claims = assertion.getJWTClaimsSet();
				assertThat(claims.getAudience()).containsExactly("https://issuer.acme.example");
				assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
					.isEqualTo(Duration.ofMinutes(5));
			});
	}

	@Test
	void everyRetryCarriesAFreshAssertion() throws Exception {
		String key = TestKeys.writePkcs8(TestKeys.rsa(2048), this.keys.resolve("rsa.pem"));
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).inScenario("retry")
			.whenScenarioStateIs("recovered")
			.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-1", 3600))));
		this.partner.apiAlwaysAnswers("/things", 200);
		runner("private-key-jwt", "client-assertion.key=" + key, "token.retry-backoff=10ms").run((context) -> {
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			assertThat(this.partner.tokenRequests()).isEqualTo(2);
			List<String> ids = List.of(SignedJWT.parse(assertionOf(0)).getJWTClaimsSet().getJWTID(),
					SignedJWT.parse(assertionOf(1)).getJWTClaimsSet().getJWTID());
			assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
		});
	}

	@Test
	void clientSecretJwtSignsWithTheSecretAndNeverSendsIt() throws Exception {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		runner("client-secret-jwt", "client-secret=" + HMAC_SECRET).run((context) -> {
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			LoggedRequest request = this.partner.tokenRequestsReceived().get(0);
			assertThat(request.getBodyAsString()).doesNotContain(HMAC_SECRET);
			assertThat(request.containsHeader("Authorization")).isFalse();
			SignedJWT assertion = verified(assertionOf(0), new MACVerifier(HMAC_SECRET));
			assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
			assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("client-acme");
		});
	}

	@Test
	void noneSendsTheClientIdAlone() {
		this.partner.tokens(1, 3600);
		this.partner.apiAlwaysAnswers("/things", 200);
		runner("none").run((context) -> {
			assertThat(PartnerStub.call(context.getBean("acmeWebClient", WebClient.class), "/things")).isEqualTo(200);
			LoggedRequest request = this.partner.tokenRequestsReceived().get(0);
			assertThat(Forms.parse(request.getBodyAsString())).containsEntry("client_id", "client-acme")
				.doesNotContainKeys("client_secret", "client_assertion", "client_assertion_type");
			assertThat(request.containsHeader("Authorization")).isFalse();
		});
	}

	private String assertionOf(int request) {
		return Forms.parse(this.partner.tokenRequestsReceived().get(request).getBodyAsString()).get("client_assertion");
	}

	private static SignedJWT verified(String assertion, JWSVerifier verifier) throws Exception {
		SignedJWT jwt = SignedJWT.parse(assertion);
		assertThat(jwt.verify(verifier)).as("signature verifies").isTrue();
		return jwt;
	}

	private ApplicationContextRunner runner(String method, String... properties) {
		ApplicationContextRunner runner = this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.client-authentication-method=" + method);
		for (String property : properties) {
			runner = runner.withPropertyValues("partner.apis.acme." + property);
		}
		return runner;
	}

}
