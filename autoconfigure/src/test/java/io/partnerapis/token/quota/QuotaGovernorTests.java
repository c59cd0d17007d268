package io.partnerapis.token.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.store.InMemoryPartnerTokenStore;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QuotaGovernor}, on a clock the tests move.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuotaGovernorTests {

	private static final Duration BLOCK = Duration.ofSeconds(5);

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private final MutableClock clock = new MutableClock();

	private final TokenKey key = new TokenKey("bemobi", "0123456789abcdef");

	private final InMemoryPartnerTokenStore store = new InMemoryPartnerTokenStore(this.clock);

	@Test
	void fullQuotaStopsTokenRequestsWithAnErrorThatSaysWhy() {
		QuotaGovernor governor = new QuotaGovernor(10, this.store, this.key, TIMEOUT, this.clock);
		issue(governor, 9);
		governor.beforeRequest().block(BLOCK);
		issue(governor, 1);
		Instant resetsAt = YearMonth.from(this.clock.instant().atZone(java.time.ZoneOffset.UTC))
			.plusMonths(1)
			.atDay(1)
			.atStartOfDay()
			.toInstant(java.time.ZoneOffset.UTC);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> governor.beforeRequest().block(BLOCK))
			.withMessageContaining("Partner 'bemobi' has issued its monthly quota of 10 tokens for ")
			.withMessageContaining("no token is requested until the quota resets at " + resetsAt)
			.withMessageContaining("'partner.apis.bemobi.token.monthly-quota'")
			.satisfies((ex) -> assertThat(ex.getResetsAt()).isEqualTo(resetsAt));
		assertThat(governor.state().exhausted()).isTrue();
		assertThat(governor.state().remaining()).isZero();
	}

	@Test
	void forcedRenewalsStopInTheLastTenPercent() {
		QuotaGovernor governor = new QuotaGovernor(20, this.store, this.key, TIMEOUT, this.clock);
		issue(governor, 17);
		assertThat(governor.mayForceRenewal()).isTrue();
		issue(governor, 1);
		assertThat(governor.mayForceRenewal()).isFalse();
		governor.beforeRequest().block(BLOCK);
	}

	@Test
	void eightyPercentIsWarnedOnce(CapturedOutput output) {
		QuotaGovernor governor = new QuotaGovernor(10, this.store, this.key, TIMEOUT, this.clock);
		issue(governor, 7);
		assertThat(output).doesNotContain("Partner 'bemobi' has issued");
		issue(governor, 3);
		assertThat(output.toString().split("Partner 'bemobi' has issued 8 of its 10 tokens for ", -1)).hasSize(2);
		assertThat(output).contains("Renewals forced by 401 stop at 9, and no token is requested at 10 until ")
			.doesNotContain("has issued 9 of")
			.doesNotContain("has issued 10 of");
	}

	@Test
	void newMonthStartsANewCount() {
		QuotaGovernor governor = new QuotaGovernor(2, this.store, this.key, TIMEOUT, this.clock);
		issue(governor, 2);
		assertThat(governor.state().exhausted()).isTrue();
		this.clock.advance(Duration.between(this.clock.instant(), governor.state().resetsAt()));
		governor.beforeRequest().block(BLOCK);
		assertThat(governor.state().issued()).isZero();
		assertThat(governor.state().exhausted()).isFalse();
	}

	@Test
	void tokensCountedByAnotherInstanceOnTheSameStoreCount() {
		QuotaGovernor first = new QuotaGovernor(3, this.store, this.key, TIMEOUT, this.clock);
		QuotaGovernor second = new QuotaGovernor(3, this.store, this.key, TIMEOUT, this.clock);
		issue(first, 3);
		assertThat(second.state().issued()).as("nothing read yet").isZero();
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> second.beforeRequest().block(BLOCK));
		assertThat(second.state().issued()).isEqualTo(3);
	}

	@Test
	void storeThatFailsLeavesThisInstancesCountInCharge() {
		QuotaGovernor governor = new QuotaGovernor(2, new FailingStore(), this.key, TIMEOUT, this.clock);
		governor.beforeRequest().block(BLOCK);
		issue(governor, 2);
		assertThat(governor.state().issued()).isEqualTo(2);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> governor.beforeRequest().block(BLOCK));
	}

	@Test
	void storeThatHangsLeavesThisInstancesCountInChargeAfterTheStoreTimeout() {
		PartnerTokenStore hanging = new FailingStore() {

			@Override
			public Mono<Long> countIssued(TokenKey key, YearMonth month) {
				return Mono.never();
			}

			@Override
			public Mono<Long> issued(TokenKey key, YearMonth month) {
				return Mono.never();
			}

		};
		QuotaGovernor governor = new QuotaGovernor(1, hanging, this.key, TIMEOUT, this.clock);
		governor.beforeRequest().block(BLOCK);
		governor.issued().block(BLOCK);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> governor.beforeRequest().block(BLOCK));
	}

	@Test
	void withoutAQuotaTokensAreCountedAndNeverRefused() {
		QuotaGovernor governor = new QuotaGovernor(null, this.store, this.key, TIMEOUT, this.clock);
		issue(governor, 50);
		governor.beforeRequest().block(BLOCK);
		assertThat(governor.mayForceRenewal()).isTrue();
		assertThat(governor.state().issued()).isEqualTo(50);
		assertThat(governor.state().remaining()).isNull();
	}

	private static void issue(QuotaGovernor governor, int count) {
		for (int i = 0; i < count; i++) {
			governor.issued().block(BLOCK);
		}
	}

	/**
	 * A store whose every operation fails, as one that lost its connection does.
	 */
	private static class FailingStore implements PartnerTokenStore {

		@Override
		public Mono<StoredToken> load(TokenKey key) {
			return failed();
		}

		@Override
		public Mono<Void> save(TokenKey key, StoredToken token) {
			return failed();
		}

		@Override
		public Mono<Boolean> removeIfCurrent(TokenKey key, String rejectedTokenValue) {
			return failed();
		}

		@Override
		public Mono<Boolean> tryLease(TokenKey key, String holder, Duration timeToLive) {
			return failed();
		}

		@Override
		public Mono<Void> releaseLease(TokenKey key, String holder) {
			return failed();
		}

		@Override
		public Mono<Long> countIssued(TokenKey key, YearMonth month) {
			return failed();
		}

		@Override
		public Mono<Long> issued(TokenKey key, YearMonth month) {
			return failed();
		}

		private static <T> Mono<T> failed() {
			return Mono.error(new IllegalStateException("store unreachable"));
		}

	}

}
