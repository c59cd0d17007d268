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

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.store.PartnerTokenStore.Reservation;

/**
 * One instance's count of a partner's token requests in the current month of its quota
 * zone, as the {@link MonthlyTokenQuota} last read it from the store or made it here. A
 * month not counted yet starts at zero.
 */
final class MonthlyTokenCount {

	private final Clock clock;

	private final ZoneId zone;

	private final AtomicReference<Count> count;

	MonthlyTokenCount(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
		this.count = new AtomicReference<>(new Count(month(), 0));
	}

	/**
	 * Returns the current month of the quota zone.
	 * @return the month
	 */
	YearMonth month() {
		return YearMonth.from(this.clock.instant().atZone(this.zone));
	}

	/**
	 * Returns when a month's count resets: the start of the next month in the quota zone.
	 * @param month the month
	 * @return the instant the next month starts
	 */
	Instant resetsAt(YearMonth month) {
		return month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
	}

	ZoneId zone() {
		return this.zone;
	}

	/**
	 * Returns the count of the current month.
	 * @return the count
	 */
	Count current() {
		YearMonth month = month();
		return this.count.updateAndGet((known) -> known.month().equals(month) ? known : new Count(month, 0));
	}

	/**
	 * Records a count read for a month, keeping the higher of two counts of the same
	 * month, since a count only grows between two reads.
	 * @param month the month the count belongs to
	 * @param issued the number of tokens issued in that month
	 */
	void record(YearMonth month, long issued) {
		this.count.updateAndGet(
				(known) -> (month.isAfter(known.month()) || (month.equals(known.month()) && known.issued() < issued))
						? new Count(month, issued) : known);
	}

	/**
	 * Sets a month's count as the store answered after taking a request back.
	 * @param month the month the count belongs to
	 * @param issued the number of tokens issued in that month
	 */
	void set(YearMonth month, long issued) {
		this.count.set(new Count(month, issued));
	}

	/**
	 * Counts one request of a month here, unless the month's count has reached the most.
	 * @param month the month
	 * @param most the most requests of the month
	 * @return whether the request was counted, and the month's count
	 */
	Reservation reserve(YearMonth month, long most) {
		Count before = this.count.getAndUpdate((known) -> {
			Count now = known.month().equals(month) ? known : new Count(month, 0);
			return (now.issued() < most) ? new Count(month, now.issued() + 1) : now;
		});
		long issued = before.month().equals(month) ? before.issued() : 0;
		return (issued < most) ? new Reservation(true, issued + 1) : new Reservation(false, issued);
	}

	/**
	 * Takes back one request counted here, if its month is still the one counted.
	 * @param month the month of the request
	 */
	void release(YearMonth month) {
		this.count.updateAndGet(
				(known) -> known.month().equals(month) ? new Count(month, Math.max(0, known.issued() - 1)) : known);
	}

	/**
	 * A month's count.
	 *
	 * @param month the month
	 * @param issued the number of tokens issued in the month
	 */
	record Count(YearMonth month, long issued) {
	}

}
