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

import io.partnerapis.store.PartnerTokenStore.Reservation;
import io.partnerapis.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MonthlyTokenCount}, on a clock the tests move.
 */
class MonthlyTokenCountTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));

	private final MonthlyTokenCount count = new MonthlyTokenCount(this.clock, SAO_PAULO);

	@Test
	void monthIsTheQuotaZonesAndResetsAtItsNextMidnightOfTheFirst() {
		assertThat(this.count.month()).as("still 30 November in Sao Paulo").isEqualTo(NOVEMBER);
		assertThat(this.count.resetsAt(NOVEMBER)).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.count.month()).isEqualTo(DECEMBER);
	}

	@Test
	void reservationsStopAtTheMost() {
		assertThat(this.count.reserve(NOVEMBER, 2)).isEqualTo(new Reservation(true, 1));
		assertThat(this.count.reserve(NOVEMBER, 2)).isEqualTo(new Reservation(true, 2));
		assertThat(this.count.reserve(NOVEMBER, 2)).isEqualTo(new Reservation(false, 2));
		assertThat(this.count.current()).isEqualTo(new MonthlyTokenCount.Count(NOVEMBER, 2));
	}

	@Test
	void newMonthStartsAtZero() {
		this.count.record(NOVEMBER, 7);
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.count.current()).isEqualTo(new MonthlyTokenCount.Count(DECEMBER, 0));
		assertThat(this.count.reserve(DECEMBER, 10)).isEqualTo(new Reservation(true, 1));
	}

	@Test
	void recordedCountOfAMonthOnlyGrows() {
		this.count.record(NOVEMBER, 5);
		this.count.record(NOVEMBER, 3);
		assertThat(this.count.current().issued()).isEqualTo(5);
		this.count.set(NOVEMBER, 3);
		assertThat(this.count.current().issued()).as("as the store answered a release").isEqualTo(3);
	}

	@Test
	void releaseTakesBackOneRequestOfTheCountedMonthOnly() {
		this.count.reserve(NOVEMBER, 10);
		this.count.reserve(NOVEMBER, 10);
		this.count.release(NOVEMBER);
		assertThat(this.count.current().issued()).isEqualTo(1);
		this.count.release(YearMonth.of(2026, 10));
		assertThat(this.count.current().issued()).isEqualTo(1);
		this.count.release(NOVEMBER);
		this.count.release(NOVEMBER);
		assertThat(this.count.current().issued()).as("never below zero").isZero();
	}

}
