package io.partnerapis.token.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.store.InMemoryPartnerTokenStore;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.StoredToken;
import io.partnerapis.store.TokenKey;
import io.partnerapis.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

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

	private static final ZoneId UTC = ZoneOffset.UTC;

	private final InMemoryPartnerTokenStore store = new InMemoryPartnerTokenStore(this.clock);

	@Test
	void fullQuotaStopsTokenRequestsWithAnErrorThatSaysWhy() {
		QuotaGovernor governor = new QuotaGovernor(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(governor, 10);
		Instant resetsAt = YearMonth.from(this.clock.instant().atZone(UTC))
			.plusMonths(1)
			.atDay(1)
			.atStartOfDay()
			.toInstant(ZoneOffset.UTC);
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
		QuotaGovernor governor = new QuotaGovernor(20, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(governor, 17);
		assertThat(governor.mayForceRenewal()).isTrue();
		issue(governor, 1);
		assertThat(governor.mayForceRenewal()).isFalse();
		governor.beforeRequest().block(BLOCK);
	}

	@Test
	void eightyPercentIsWarnedOnce(CapturedOutput output) {
		QuotaGovernor governor = new QuotaGovernor(10, this.store, this.key, TIMEOUT, this.clock, UTC);
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
		QuotaGovernor governor = new QuotaGovernor(2, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(governor, 2);
		assertThat(governor.state().exhausted()).isTrue();
		this.clock.advance(Duration.between(this.clock.instant(), governor.state().resetsAt()));
		governor.beforeRequest().block(BLOCK);
		assertThat(governor.state().issued()).as("this request, in the new month").isEqualTo(1);
		assertThat(governor.state().exhausted()).isFalse();
	}

	@Test
	void tokensCountedByAnotherInstanceOnTheSameStoreCount() {
		QuotaGovernor first = new QuotaGovernor(3, this.store, this.key, TIMEOUT, this.clock, UTC);
		QuotaGovernor second = new QuotaGovernor(3, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(first, 3);
		assertThat(second.state().issued()).as("nothing read yet").isZero();
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> second.beforeRequest().block(BLOCK));
		assertThat(second.state().issued()).isEqualTo(3);
	}

	@Test
	void storeThatFailsLeavesThisInstancesCountInCharge() {
		QuotaGovernor governor = new QuotaGovernor(2, new FailingStore(), this.key, TIMEOUT, this.clock, UTC);
		issue(governor, 2);
		assertThat(governor.state().issued()).isEqualTo(2);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> governor.beforeRequest().block(BLOCK));
	}

	@Test
	void storeThatHangsLeavesThisInstancesCountInChargeAfterTheStoreTimeout() {
		PartnerTokenStore hanging = new FailingStore() {

			@Override
			public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
				return Mono.never();
			}

			@Override
			public Mono<Long> issued(TokenKey key, YearMonth month) {
				return Mono.never();
			}

		};
		QuotaGovernor governor = new QuotaGovernor(1, hanging, this.key, TIMEOUT, this.clock, UTC);
		governor.beforeRequest().block(BLOCK);
		governor.issued().block(BLOCK);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> governor.beforeRequest().block(BLOCK));
	}

	@Test
	void withoutAQuotaTokensAreCountedAndNeverRefused() {
		QuotaGovernor governor = new QuotaGovernor(null, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(governor, 50);
		assertThat(governor.mayForceRenewal()).isTrue();
		assertThat(governor.state().issued()).isEqualTo(50);
		assertThat(governor.state().remaining()).isNull();
	}

	@Test
	void concurrentRequestsOfTwoInstancesNeverPassTheQuotaTogether() {
		QuotaGovernor first = new QuotaGovernor(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		QuotaGovernor second = new QuotaGovernor(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		List<Boolean> granted = Flux.range(0, 60)
			.parallel(6)
			.runOn(Schedulers.parallel())
			.flatMap((i) -> ((i % 2 == 0) ? first : second).beforeRequest().thenReturn(true).onErrorReturn(false))
			.sequential()
			.collectList()
			.block(BLOCK);
		assertThat(granted).hasSize(60).filteredOn(Boolean::booleanValue).hasSize(10);
		assertThat(this.store.issued(this.key, YearMonth.now(this.clock)).block(BLOCK)).isEqualTo(10);
	}

	@Test
	void requestAnsweredWithoutATokenIsTakenBack() {
		QuotaGovernor governor = new QuotaGovernor(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(governor, 3);
		governor.notIssued().block(BLOCK);
		assertThat(governor.state().issued()).isEqualTo(2);
		assertThat(this.store.issued(this.key, YearMonth.now(this.clock)).block(BLOCK)).isEqualTo(2);
	}

	@Test
	void tokenAnnouncedByAnotherInstanceReadsTheFleetsCount() {
		QuotaGovernor fetching = new QuotaGovernor(1000, this.store, this.key, TIMEOUT, this.clock, UTC);
		QuotaGovernor loading = new QuotaGovernor(1000, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(fetching, 1);
		assertThat(loading.state().remaining()).isEqualTo(1000);
		this.store
			.save(this.key,
					new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "t", this.clock.instant(),
							this.clock.instant().plusSeconds(60)), null))
			.block(BLOCK);
		assertThat(loading.state().remaining()).isEqualTo(999);
	}

	@Test
	void refreshReadsTheFleetsCount() {
		QuotaGovernor fetching = new QuotaGovernor(20, this.store, this.key, TIMEOUT, this.clock, UTC);
		QuotaGovernor loading = new QuotaGovernor(20, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(fetching, 18);
		assertThat(loading.mayForceRenewal()).isTrue();
		loading.refresh();
		assertThat(loading.state().issued()).isEqualTo(18);
		assertThat(loading.mayForceRenewal()).as("the fleet is in the renewal reserve").isFalse();
	}

	@Test
	void quotaMonthStartsInTheQuotaZone() {
		this.clock.set(Instant.parse("2026-01-31T20:00:00Z"));
		QuotaGovernor governor = new QuotaGovernor(5, this.store, this.key, TIMEOUT, this.clock,
				ZoneId.of("Asia/Tokyo"));
		issue(governor, 1);
		assertThat(governor.state().month()).isEqualTo(YearMonth.of(2026, 2));
		assertThat(governor.state().resetsAt()).isEqualTo(Instant.parse("2026-02-28T15:00:00Z"));
		assertThat(this.store.issued(this.key, YearMonth.of(2026, 2)).block(BLOCK)).isEqualTo(1);
	}

	private static void issue(QuotaGovernor governor, int count) {
		for (int i = 0; i < count; i++) {
			governor.beforeRequest().block(BLOCK);
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
		public Mono<Reservation> reserve(TokenKey key, YearMonth month, long limit) {
			return failed();
		}

		@Override
		public Mono<Long> release(TokenKey key, YearMonth month) {
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
