package io.partnerapis.token.renew;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static OAuth2AccessToken token(Duration lifetime) {
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "value", ISSUED, ISSUED.plus(lifetime));
	}

}
