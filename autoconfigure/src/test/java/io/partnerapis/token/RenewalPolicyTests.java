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

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RenewalPolicy}.
 */
class RenewalPolicyTests {

	private static final Instant ISSUED = Instant.parse("2026-11-24T00:00:00Z");

	private final RenewalPolicy policy = new RenewalPolicy(Duration.ofSeconds(60), Duration.ofSeconds(30));

	@Test
	void longLivedTokenIsRenewedRefreshBeforeExpiryAheadOfIt() {
		assertThat(this.policy.renewAt(token(Duration.ofHours(1)))).isEqualTo(ISSUED.plusSeconds(3540));
	}

	@Test
	void shortLivedTokenIsRenewedNoEarlierThanHalfItsLife() {
		assertThat(this.policy.renewAt(token(Duration.ofSeconds(30)))).isEqualTo(ISSUED.plusSeconds(15));
	}

	@Test
	void failedRenewalIsTriedAgainAfterAQuarterOfTheTimeLeftBetweenFiveAndThirtySeconds() {
		Instant now = ISSUED.plusSeconds(3540);
		assertThat(this.policy.retryAfterFailure(now, now.plusSeconds(60))).isEqualTo(now.plusSeconds(15));
		assertThat(this.policy.retryAfterFailure(now, now.plusSeconds(8))).isEqualTo(now.plusSeconds(5));
		assertThat(this.policy.retryAfterFailure(now, now.plusSeconds(3600))).isEqualTo(now.plusSeconds(30));
	}

	@Test
	void forcedRenewalIntervalDoublesWhileFreshTokensAreRejectedUpToAnHour() {
		assertThat(this.policy.forcedRenewalInterval(0)).hasSeconds(30);
		assertThat(this.policy.forcedRenewalInterval(1)).hasSeconds(30);
		assertThat(this.policy.forcedRenewalInterval(2)).hasSeconds(60);
		assertThat(this.policy.forcedRenewalInterval(3)).hasSeconds(120);
		assertThat(this.policy.forcedRenewalInterval(8)).hasSeconds(3600);
		assertThat(this.policy.forcedRenewalInterval(1000)).hasSeconds(3600);
		assertThat(new RenewalPolicy(Duration.ofSeconds(60), Duration.ofHours(2)).forcedRenewalInterval(5)).hasHours(2);
	}

	@Test
	void alwaysRejectingApiCostsFewTokensADay() {
		Instant now = ISSUED;
		Instant lastForced = null;
		int forced = 0;
		for (int second = 0; second < 86_400; second++, now = now.plusSeconds(1)) {
			if (this.policy.mayForceRenewal(now, lastForced, forced)) {
				lastForced = now;
				forced++;
			}
		}
		assertThat(forced).isLessThanOrEqualTo(32);
	}

	@Test
	void failureBackOffStartsAtOneSecondAndDoublesUpToAMinute() {
		assertThat(this.policy.backOffAfterFailure(1, null)).hasSeconds(1);
		assertThat(this.policy.backOffAfterFailure(2, null)).hasSeconds(2);
		assertThat(this.policy.backOffAfterFailure(3, null)).hasSeconds(4);
		assertThat(this.policy.backOffAfterFailure(7, null)).hasSeconds(60);
		assertThat(this.policy.backOffAfterFailure(10_000, null)).hasSeconds(60);
	}

	@Test
	void retryAfterSetsTheFailureBackOffUpToTenMinutes() {
		assertThat(this.policy.backOffAfterFailure(1, Duration.ofSeconds(30))).hasSeconds(30);
		assertThat(this.policy.backOffAfterFailure(5, Duration.ofSeconds(30))).hasSeconds(30);
		assertThat(this.policy.backOffAfterFailure(1, Duration.ofHours(2))).hasMinutes(10);
		assertThat(this.policy.backOffAfterFailure(1, Duration.ZERO)).isZero();
	}

	@Test
	void renewalTimeIsTheLaterOfRefreshBeforeExpiryAndHalfLife() {
		assertThat(this.policy.renewAt(token(Duration.ofSeconds(120)))).isEqualTo(ISSUED.plusSeconds(60));
		assertThat(this.policy.renewAt(token(Duration.ofSeconds(121)))).isEqualTo(ISSUED.plusSeconds(61));
		assertThat(this.policy.renewAt(token(Duration.ofSeconds(119)))).isEqualTo(ISSUED.plusMillis(59_500));
	}

	@Test
	void tokenWithoutIssueTimeIsRenewedRefreshBeforeExpiryAheadOfIt() {
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "value", null,
				ISSUED.plusSeconds(600));
		assertThat(this.policy.renewAt(token)).isEqualTo(ISSUED.plusSeconds(540));
	}

	@Test
	void tokenWithoutExpiryIsNeverRenewed() {
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "value", ISSUED, null);
		assertThat(this.policy.renewAt(token)).isEqualTo(Instant.MAX);
	}

	@Test
	void failedRenewalOfATokenWithoutExpiryIsTriedAgainAfterThirtySeconds() {
		assertThat(this.policy.retryAfterFailure(ISSUED, null)).isEqualTo(ISSUED.plusSeconds(30));
	}

	@Test
	void retryDelayBoundsAreInclusive() {
		assertThat(this.policy.retryAfterFailure(ISSUED, ISSUED.plusSeconds(20))).isEqualTo(ISSUED.plusSeconds(5));
		assertThat(this.policy.retryAfterFailure(ISSUED, ISSUED.plusSeconds(21))).isEqualTo(ISSUED.plusMillis(5_250));
		assertThat(this.policy.retryAfterFailure(ISSUED, ISSUED.plusSeconds(120))).isEqualTo(ISSUED.plusSeconds(30));
		assertThat(this.policy.retryAfterFailure(ISSUED, ISSUED.plusSeconds(119))).isEqualTo(ISSUED.plusMillis(29_750));
		assertThat(this.policy.retryAfterFailure(ISSUED, ISSUED)).as("expiring now").isEqualTo(ISSUED.plusSeconds(5));
	}

	@Test
	void firstForcedRenewalIsAlwaysAllowed() {
		assertThat(this.policy.mayForceRenewal(ISSUED, null, 0)).isTrue();
		assertThat(this.policy.mayForceRenewal(ISSUED, null, 7)).isTrue();
	}

	@Test
	void forcedRenewalIsAllowedOnceItsIntervalHasPassed() {
		Instant last = ISSUED;
		assertThat(this.policy.mayForceRenewal(last.plusSeconds(30).minusNanos(1), last, 1)).isFalse();
		assertThat(this.policy.mayForceRenewal(last.plusSeconds(30), last, 1)).isTrue();
		assertThat(this.policy.mayForceRenewal(last.plusSeconds(120).minusNanos(1), last, 3)).isFalse();
		assertThat(this.policy.mayForceRenewal(last.plusSeconds(120), last, 3)).isTrue();
		assertThat(this.policy.mayForceRenewal(last.plusSeconds(3600).minusNanos(1), last, 50)).isFalse();
		assertThat(this.policy.mayForceRenewal(last.plusSeconds(3600), last, 50)).isTrue();
	}

	@Test
	void zeroIntervalNeverHoldsARenewalBack() {
		RenewalPolicy eager = new RenewalPolicy(Duration.ofSeconds(60), Duration.ZERO);
		assertThat(eager.forcedRenewalInterval(10)).isZero();
		assertThat(eager.mayForceRenewal(ISSUED, ISSUED, 10)).isTrue();
	}

	@Test
	void negativeDurationsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RenewalPolicy(Duration.ofSeconds(-1), Duration.ofSeconds(30)))
			.withMessage("'refreshBeforeExpiry' must not be negative");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RenewalPolicy(Duration.ofSeconds(60), Duration.ofSeconds(-1)))
			.withMessage("'unauthorizedRenewalInterval' must not be negative");
	}

	private static OAuth2AccessToken token(Duration lifetime) {
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "value", ISSUED, ISSUED.plus(lifetime));
	}

}
