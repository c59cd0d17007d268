package io.partnerapis.token.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.partnerapis.PartnerApisProperties.RequestFormat;
import io.partnerapis.PartnerProvider;
import io.partnerapis.PartnerTokenException;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading token responses: what is accepted, and what an error says (and never says).
 */
class TokenResponseReaderTests {

	private final TokenResponseReader reader = new TokenResponseReader(
			new TokenEndpoint("acme", PartnerProvider.GENERIC,
					new TokenEndpoint.Request(RequestFormat.FORM, Map.of(), Map.of(), null, true),
					new TokenEndpoint.Response(List.of(), Duration.ofMinutes(5)),
					new TokenEndpoint.Retries(Duration.ofSeconds(10), 2, Duration.ofMillis(200))),
			"client-acme", "secret-acme");

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

}
