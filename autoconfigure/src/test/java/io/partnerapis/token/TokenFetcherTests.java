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
import java.time.Instant;
import java.time.YearMonth;

import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.RenewalGrant;
import io.partnerapis.store.StoredToken;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TokenFetcher}: which grant obtains a token, and when a refused
 * refresh-token grant falls back to a client-credentials grant.
 */
class TokenFetcherTests {

	private final StubTokenEndpoint endpoint = new StubTokenEndpoint().withRefreshTokens();

	@Test
	void firstTokenComesFromAClientCredentialsGrant() {
		StoredToken client = fetch(this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN), null);
		assertThat(client.accessToken().getTokenValue()).isEqualTo("token-1");
		assertThat(client.refreshToken().getTokenValue()).isEqualTo("refresh-1");
		assertThat(this.endpoint.received().get(0).getClientRegistration().getRegistrationId()).isEqualTo("acme");
		assertThat(this.endpoint.grants()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
	}

	@Test
	void renewalByRefreshTokenSendsThePreviousRefreshToken() {
		TokenFetcher fetcher = this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN);
		StoredToken renewed = fetch(fetcher, fetch(fetcher, null));
		assertThat(renewed.accessToken().getTokenValue()).isEqualTo("token-2");
		assertThat(renewed.refreshToken().getTokenValue()).isEqualTo("refresh-2");
		assertThat(this.endpoint.grants()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS,
				AuthorizationGrantType.REFRESH_TOKEN);
		OAuth2RefreshTokenGrantRequest refresh = (OAuth2RefreshTokenGrantRequest) this.endpoint.received().get(1);
		assertThat(refresh.getRefreshToken().getTokenValue()).isEqualTo("refresh-1");
		assertThat(refresh.getAccessToken().getTokenValue()).isEqualTo("token-1");
	}

	@Test
	void refreshAnswerWithoutARefreshTokenKeepsThePreviousOne() {
		TokenFetcher fetcher = this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN);
		StoredToken first = fetch(fetcher, null);
		StubTokenEndpoint plain = new StubTokenEndpoint();
		StoredToken renewed = fetch(plain.fetcher(RenewalGrant.REFRESH_TOKEN), first);
		assertThat(plain.grants()).containsExactly(AuthorizationGrantType.REFRESH_TOKEN);
		assertThat(renewed.refreshToken().getTokenValue()).isEqualTo("refresh-1");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 499 })
	void refusedRefreshFallsBackToAClientCredentialsGrant(int status) {
		TokenFetcher fetcher = this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN);
		StoredToken first = fetch(fetcher, null);
		this.endpoint.failRefresh(status);
		StoredToken renewed = fetch(fetcher, first);
		assertThat(renewed.accessToken().getTokenValue()).isEqualTo("token-2");
		assertThat(this.endpoint.grants()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS,
				AuthorizationGrantType.REFRESH_TOKEN, AuthorizationGrantType.CLIENT_CREDENTIALS);
	}

	@Test
	void refreshThatFailsOnTheServerSideFallsBackAndItsRefreshTokenIsNeverSentAgain() {
		TokenFetcher fetcher = this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN);
		StoredToken first = fetch(fetcher, null);
		this.endpoint.failRefresh(503);
		assertThat(fetch(fetcher, first)).isNotNull();
		assertThat(this.endpoint.grants()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS,
				AuthorizationGrantType.REFRESH_TOKEN, AuthorizationGrantType.CLIENT_CREDENTIALS);
		fetch(fetcher, first);
		assertThat(this.endpoint.grants()).as("the failed refresh token is not sent again")
			.containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS, AuthorizationGrantType.REFRESH_TOKEN,
					AuthorizationGrantType.CLIENT_CREDENTIALS, AuthorizationGrantType.CLIENT_CREDENTIALS);
	}

	@Test
	void clientCredentialsRenewalNeverSendsTheRefreshToken() {
		TokenFetcher fetcher = this.endpoint.fetcher(RenewalGrant.CLIENT_CREDENTIALS);
		fetch(fetcher, fetch(fetcher, null));
		assertThat(this.endpoint.grants()).containsOnly(AuthorizationGrantType.CLIENT_CREDENTIALS).hasSize(2);
	}

	@Test
	void budgetIsAskedBeforeEachRequestAndCountsEachIssuedToken() {
		TokenFetcher fetcher = this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN);
		StoredToken first = fetch(fetcher, null);
		this.endpoint.failRefresh(400);
		CountingBudget budget = new CountingBudget(false);
		assertThat(fetcher.fetch(first, budget).block(Duration.ofSeconds(5))).isNotNull();
		assertThat(budget.asked).as("the refresh and its fall-back").isEqualTo(2);
		assertThat(budget.issued).as("only the fall-back was answered with a token").isEqualTo(1);
	}

	@Test
	void refusalOfTheBudgetSendsNothingAndDoesNotFallBack() {
		TokenFetcher fetcher = this.endpoint.fetcher(RenewalGrant.REFRESH_TOKEN);
		StoredToken first = fetch(fetcher, null);
		CountingBudget refusing = new CountingBudget(true);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> fetcher.fetch(first, refusing).block(Duration.ofSeconds(5)));
		assertThat(refusing.asked).isEqualTo(1);
		assertThat(this.endpoint.requests()).as("only the first fetch's request").isEqualTo(1);
		fetch(fetcher, first);
		assertThat(this.endpoint.grants()).as("the refresh token was not given up by the refusal")
			.containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS, AuthorizationGrantType.REFRESH_TOKEN);
	}

	private static StoredToken fetch(TokenFetcher fetcher, @Nullable StoredToken previous) {
		StoredToken client = fetcher.fetch(previous).block(Duration.ofSeconds(5));
		assertThat(client).isNotNull();
		return client;
	}

	/**
	 * Counts what a fetch asks of its budget, and refuses every request if told to.
	 */
	private static final class CountingBudget implements TokenRequestBudget {

		private final boolean refuse;

		private int asked;

		private int issued;

		CountingBudget(boolean refuse) {
			this.refuse = refuse;
		}

		@Override
		public Mono<Void> beforeRequest() {
			return Mono.defer(() -> {
				this.asked++;
				return this.refuse ? Mono.error(new PartnerTokenQuotaException("acme", 10, YearMonth.of(2026, 12),
						Instant.parse("2027-01-01T00:00:00Z"))) : Mono.empty();
			});
		}

		@Override
		public Mono<Void> issued() {
			return Mono.fromRunnable(() -> this.issued++);
		}

	}

}
