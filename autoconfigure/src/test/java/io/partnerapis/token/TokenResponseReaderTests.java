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

package io.partnerapis.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerProvider;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.RequestFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TokenResponseReader}: what it accepts, what it refuses and how it
 * describes a refusal without a token or a credential.
 */
class TokenResponseReaderTests {

	private static final String CLIENT_ID = "client-acme-7";

	private static final String SECRET = "S3cret-acme-value";

	private final TokenResponseReader reader = reader(List.of(), Duration.ofMinutes(10));

	@Test
	void standardResponseIsRead() {
		OAuth2AccessTokenResponse response = this.reader.read(200,
				"{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
						+ "\"refresh_token\":\"def\",\"scope\":\"read write\"}");
		OAuth2AccessToken token = response.getAccessToken();
		assertThat(token.getTokenValue()).isEqualTo("abc");
		assertThat(token.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).hasSeconds(3600);
		assertThat(token.getScopes()).containsExactlyInAnyOrder("read", "write");
		assertThat(response.getRefreshToken().getTokenValue()).isEqualTo("def");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"token_type\":\"bearer\",", "\"token_type\":\"BEARER\",", "" })
	void tokenTypeIsBearerInAnyCaseOrAbsent(String tokenType) {
		OAuth2AccessTokenResponse response = this.reader.read(200,
				"{\"access_token\":\"abc\"," + tokenType + "\"expires_in\":60}");
		assertThat(response.getAccessToken().getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "120", "\"120\"", "\" 120 \"", "120.0" })
	void expiresInIsAWholeNumberOrANumericString(String expiresIn) {
		assertThat(lifetime(this.reader.read(200, "{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}")))
			.hasSeconds(120);
	}

	@Test
	void responseWithoutExpiresInGetsTheDefaultLifetime() {
		assertThat(lifetime(this.reader.read(200, "{\"access_token\":\"abc\"}"))).hasMinutes(10);
	}

	@Test
	void defaultLifetimeIsAtLeastOneSecond() {
		TokenResponseReader reader = reader(List.of(), Duration.ofMillis(400));
		assertThat(lifetime(reader.read(200, "{\"access_token\":\"abc\"}"))).hasSeconds(1);
	}

	@Test
	void lifetimeUpTo366DaysIsAccepted() {
		long max = Duration.ofDays(366).toSeconds();
		assertThat(lifetime(this.reader.read(200, "{\"access_token\":\"abc\",\"expires_in\":" + max + "}")))
			.hasDays(366);
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(200, "{\"access_token\":\"abc\",\"expires_in\":" + (max + 1) + "}"))
			.withMessageContaining("its expires_in is outside 1.." + max + " seconds")
			.withMessageNotContaining(String.valueOf(max + 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "1.5", "\"soon\"", "true" })
	void unusableLifetimeIsRefused(String expiresIn) {
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(200, "{\"access_token\":\"abc\",\"expires_in\":" + expiresIn + "}"))
			.withMessageStartingWith("Token request for partner 'acme' answered HTTP 200 but the response is not a "
					+ "usable token response: its expires_in")
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode())
				.isEqualTo(PartnerTokenException.INVALID_TOKEN_RESPONSE))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(200));
	}

	@Test
	void tokenFieldsInsideAWrapperAreRead() {
		TokenResponseReader reader = reader(List.of("data", "token"), Duration.ofMinutes(10));
		OAuth2AccessTokenResponse response = reader.read(200,
				"{\"operation_id\":\"x\",\"data\":{\"token\":{\"access_token\":\"abc\",\"expires_in\":60}}}");
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("abc");
		assertThat(lifetime(response)).hasSeconds(60);
	}

	@Test
	void wrapperWithoutTheTokenIsNamedInTheError() {
		TokenResponseReader reader = reader(List.of("data", "token"), Duration.ofMinutes(10));
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> reader.read(200, "{\"data\":{\"other\":{}}}"))
			.withMessageContaining("it has no 'token' object");
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> reader.read(200, "{\"data\":{\"token\":{\"expires_in\":60}}}"))
			.withMessageContaining("it has no 'access_token' inside 'data.token'");
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> reader.read(200, "{\"access_token\":\"abc\"}"))
			.withMessageContaining("it has no 'data' object");
	}

	@Test
	void otherTokenTypeIsRefused() {
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(200, "{\"access_token\":\"tok-VALUE\",\"token_type\":\"mac\"}"))
			.withMessageContaining("its token_type is not 'Bearer', the only type this client can send")
			.withMessageNotContaining("mac")
			.withMessageNotContaining("tok-VALUE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "<html>Maintenance</html>", "[{\"access_token\":\"x\"}]",
			"{\"access_token\":\"abc\",\"token_ty", "{\"access_token\":\"\"}", "{\"access_token\":42}" })
	void bodyWithoutAUsableAccessTokenIsRefused(String body) {
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(() -> this.reader.read(200, body))
			.withMessageStartingWith("Token request for partner 'acme' answered HTTP 200 but the response is not a "
					+ "usable token response: ");
	}

	@Test
	void errorResponseCarriesTheOAuthErrorCodeAndDescription() {
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(401,
					"{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"))
			.withMessageStartingWith(
					"Token request for partner 'acme' answered HTTP 401, error 'invalid_client' (Client authentication failed); body: ")
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(401))
			.satisfies((ex) -> assertThat(ex.getPartner()).isEqualTo("acme"))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_client"))
			.satisfies((ex) -> assertThat(ex.getError().getDescription()).isEqualTo("Client authentication failed"));
	}

	@Test
	void errorResponseWithoutAnErrorCodeIsNamedByItsStatus() {
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(503, "<html><body>Down</body></html>"))
			.withMessage("Token request for partner 'acme' answered HTTP 503; body: <html><body>Down</body></html>")
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("http_503"));
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(() -> this.reader.read(500, ""))
			.withMessage("Token request for partner 'acme' answered HTTP 500; the body was empty");
	}

	@Test
	void tokensAndCredentialsInAnAnswerAreMasked() {
		String body = "{\"error_description\":\"bad secret " + SECRET + " for " + CLIENT_ID
				+ "\",\"access_token\":\"tok-AAA\",\"refresh_token\":\"tok-BBB\",\"client_secret\":\"" + SECRET
				+ "\",\"echo\":\"access_token=tok-CCC&x=1 Authorization: Bearer tok-DDD\"}";
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(() -> this.reader.read(500, body))
			.withMessageContaining("bad secret **** for <client-id>")
			.withMessageContaining("\"access_token\":\"****\"")
			.withMessageContaining("access_token=****&x=1")
			.withMessageContaining("Bearer ****")
			.withMessageNotContaining(SECRET)
			.withMessageNotContaining(CLIENT_ID)
			.withMessageNotContaining("tok-")
			.satisfies((ex) -> assertThat(String.valueOf(ex.getError())).doesNotContain(SECRET, CLIENT_ID, "tok-"));
	}

	@Test
	void longBodyIsQuotedOnOneLineAndCut() {
		String body = "<html>\n" + "x".repeat(500) + "\n</html>";
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(() -> this.reader.read(502, body))
			.satisfies((ex) -> assertThat(ex.getMessage()).endsWith("; body: <html> " + "x".repeat(193) + "..."));
	}

	@Test
	void byteOrderMarkBeforeTheJsonIsIgnored() {
		OAuth2AccessTokenResponse response = this.reader.read(200,
				"\uFEFF{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":60}", null);
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("t");
	}

	@Test
	void unusableSuccessfulAnswerIsDescribedByItsFieldNamesOnly() {
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(200,
					"{\"token\":{\"value\":\"live-1\",\"deep\":{\"deeper\":{\"deepest\":\"live-2\"}}},\"n\":5}", null))
			.withMessageContaining("its JSON fields: {token{value, deep{deeper{...}}}, n}")
			.withMessageNotContaining("live-1")
			.withMessageNotContaining("live-2");
	}

	@Test
	void tokenTypeAndLifetimeValuesAreNotQuoted() {
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(200, "{\"access_token\":\"t\",\"token_type\":\"secret-type\"}", null))
			.withMessageNotContaining("secret-type");
		assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> this.reader.read(200, "{\"access_token\":\"t\",\"expires_in\":\"live-3\"}", null))
			.withMessageNotContaining("live-3");
	}

	@Test
	void retryAfterIsReadFromTooManyRequestsAndServiceUnavailableOnly() {
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(() -> this.reader.read(429, "", "30"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).hasSeconds(30))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse());
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(() -> this.reader.read(503, "", "7"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).hasSeconds(7));
		assertThatExceptionOfType(PartnerTokenException.class).isThrownBy(() -> this.reader.read(500, "", "7"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isNull())
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue());
	}

	@Test
	void retryAfterMayBeAnHttpDate() {
		assertThat(TokenResponseReader.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
		assertThat(TokenResponseReader.retryAfter("soon")).isNull();
		assertThat(TokenResponseReader.retryAfter(" 12 ")).hasSeconds(12);
	}

	private static Duration lifetime(OAuth2AccessTokenResponse response) {
		return Duration.between(response.getAccessToken().getIssuedAt(), response.getAccessToken().getExpiresAt());
	}

	private static TokenResponseReader reader(List<String> path, Duration defaultLifetime) {
		TokenEndpoint endpoint = new TokenEndpoint("acme", PartnerProvider.GENERIC,
				new TokenEndpoint.Request(RequestFormat.FORM, Map.of(), Map.of(), null, false),
				new TokenEndpoint.Response(path, defaultLifetime),
				new TokenEndpoint.Retries(Duration.ofSeconds(5), 2, Duration.ofMillis(10)));
		return new TokenResponseReader(endpoint, CLIENT_ID, SECRET);
	}

}
