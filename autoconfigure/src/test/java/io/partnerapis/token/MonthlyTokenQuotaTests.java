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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.partnerapis.PartnerTokenQuotaException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MonthlyTokenQuota}, on a clock the tests move.
 */
@ExtendWith(OutputCaptureExtension.class)
class MonthlyTokenQuotaTests {

	private static final Duration BLOCK = Duration.ofSeconds(5);

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private final MutableClock clock = new MutableClock();

	private final TokenKey key = new TokenKey("bemobi", "0123456789abcdef");

	private static final ZoneId UTC = ZoneOffset.UTC;

	private final PartnerTokenStore store = PartnerTokenStore.inMemory(this.clock);

	@Test
	void fullQuotaStopsTokenRequestsWithAnErrorThatSaysWhy() {
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(monthlyQuota, 10);
		Instant resetsAt = YearMonth.from(this.clock.instant().atZone(UTC))
			.plusMonths(1)
			.atDay(1)
			.atStartOfDay()
			.toInstant(ZoneOffset.UTC);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> monthlyQuota.beforeRequest().block(BLOCK))
			.withMessageContaining("Partner 'bemobi' has issued its monthly quota of 10 tokens for ")
			.withMessageContaining("no token is requested until the quota resets at " + resetsAt)
			.withMessageContaining("'partner.apis.bemobi.token.monthly-quota'")
			.satisfies((ex) -> assertThat(ex.getResetsAt()).isEqualTo(resetsAt));
		assertThat(monthlyQuota.state().exhausted()).isTrue();
		assertThat(monthlyQuota.state().remaining()).isZero();
	}

	@Test
	void forcedRenewalsStopInTheLastTenPercent() {
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(20, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(monthlyQuota, 17);
		assertThat(monthlyQuota.mayForceRenewal()).isTrue();
		issue(monthlyQuota, 1);
		assertThat(monthlyQuota.mayForceRenewal()).isFalse();
		monthlyQuota.beforeRequest().block(BLOCK);
	}

	@Test
	void eightyPercentIsWarnedOnce(CapturedOutput output) {
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(monthlyQuota, 7);
		assertThat(output).doesNotContain("Partner 'bemobi' has issued");
		issue(monthlyQuota, 3);
		assertThat(output.toString().split("Partner 'bemobi' has issued 8 of its 10 tokens for ", -1)).hasSize(2);
		assertThat(output).contains("Renewals forced by 401 stop at 9, and no token is requested at 10 until ")
			.doesNotContain("has issued 9 of")
			.doesNotContain("has issued 10 of");
	}

	@Test
	void newMonthStartsANewCount() {
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(2, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(monthlyQuota, 2);
		assertThat(monthlyQuota.state().exhausted()).isTrue();
		this.clock.advance(Duration.between(this.clock.instant(), monthlyQuota.state().resetsAt()));
		monthlyQuota.beforeRequest().block(BLOCK);
		assertThat(monthlyQuota.state().issued()).as("this request, in the new month").isEqualTo(1);
		assertThat(monthlyQuota.state().exhausted()).isFalse();
	}

	@Test
	void tokensCountedByAnotherInstanceOnTheSameStoreCount() {
		MonthlyTokenQuota first = new MonthlyTokenQuota(3, this.store, this.key, TIMEOUT, this.clock, UTC);
		MonthlyTokenQuota second = new MonthlyTokenQuota(3, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(first, 3);
		assertThat(second.state().issued()).as("nothing read yet").isZero();
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> second.beforeRequest().block(BLOCK));
		assertThat(second.state().issued()).isEqualTo(3);
	}

	@Test
	void storeThatFailsLeavesThisInstancesCountInCharge() {
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(2, new FailingStore(), this.key, TIMEOUT, this.clock,
				UTC);
		issue(monthlyQuota, 2);
		assertThat(monthlyQuota.state().issued()).isEqualTo(2);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> monthlyQuota.beforeRequest().block(BLOCK));
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
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(1, hanging, this.key, TIMEOUT, this.clock, UTC);
		monthlyQuota.beforeRequest().block(BLOCK);
		monthlyQuota.issued().block(BLOCK);
		assertThatExceptionOfType(PartnerTokenQuotaException.class)
			.isThrownBy(() -> monthlyQuota.beforeRequest().block(BLOCK));
	}

	@Test
	void withoutAQuotaTokensAreCountedAndNeverRefused() {
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(null, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(monthlyQuota, 50);
		assertThat(monthlyQuota.mayForceRenewal()).isTrue();
		assertThat(monthlyQuota.state().issued()).isEqualTo(50);
		assertThat(monthlyQuota.state().remaining()).isNull();
	}

	@Test
	void withoutAQuotaTokenRequestsAreCountedWithoutAskingTheStore() {
		ObservedStore observed = new ObservedStore(this.clock);
		MonthlyTokenQuota unlimited = new MonthlyTokenQuota(null, observed, this.key, TIMEOUT, this.clock, UTC);
		issue(unlimited, 3);
		unlimited.notIssued().block(BLOCK);
		unlimited.check().block(BLOCK);
		unlimited.refresh();
		assertThat(unlimited.state().issued()).isEqualTo(2);
		assertThat(observed.calls("reserve") + observed.calls("release") + observed.calls("issued")).isZero();
		MonthlyTokenQuota limited = new MonthlyTokenQuota(10, observed, this.key, TIMEOUT, this.clock, UTC);
		issue(limited, 3);
		assertThat(observed.calls("reserve")).as("with a quota, each request is reserved in the store").isEqualTo(3);
	}

	@Test
	void concurrentRequestsOfTwoInstancesNeverPassTheQuotaTogether() {
		MonthlyTokenQuota first = new MonthlyTokenQuota(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		MonthlyTokenQuota second = new MonthlyTokenQuota(10, this.store, this.key, TIMEOUT, this.clock, UTC);
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
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(10, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(monthlyQuota, 3);
		monthlyQuota.notIssued().block(BLOCK);
		assertThat(monthlyQuota.state().issued()).isEqualTo(2);
		assertThat(this.store.issued(this.key, YearMonth.now(this.clock)).block(BLOCK)).isEqualTo(2);
	}

	@Test
	void refreshReadsTheFleetsCount() {
		MonthlyTokenQuota fetching = new MonthlyTokenQuota(20, this.store, this.key, TIMEOUT, this.clock, UTC);
		MonthlyTokenQuota loading = new MonthlyTokenQuota(20, this.store, this.key, TIMEOUT, this.clock, UTC);
		issue(fetching, 18);
		assertThat(loading.mayForceRenewal()).isTrue();
		loading.refresh();
		assertThat(loading.state().issued()).isEqualTo(18);
		assertThat(loading.mayForceRenewal()).as("the fleet is in the renewal reserve").isFalse();
	}

	@Test
	void quotaMonthStartsInTheQuotaZone() {
		this.clock.set(Instant.parse("2026-01-31T20:00:00Z"));
		MonthlyTokenQuota monthlyQuota = new MonthlyTokenQuota(5, this.store, this.key, TIMEOUT, this.clock,
				ZoneId.of("Asia/Tokyo"));
		issue(monthlyQuota, 1);
		assertThat(monthlyQuota.state().month()).isEqualTo(YearMonth.of(2026, 2));
		assertThat(monthlyQuota.state().resetsAt()).isEqualTo(Instant.parse("2026-02-28T15:00:00Z"));
		assertThat(this.store.issued(this.key, YearMonth.of(2026, 2)).block(BLOCK)).isEqualTo(1);
	}

	private static void issue(MonthlyTokenQuota monthlyQuota, int count) {
		for (int i = 0; i < count; i++) {
			monthlyQuota.beforeRequest().block(BLOCK);
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
