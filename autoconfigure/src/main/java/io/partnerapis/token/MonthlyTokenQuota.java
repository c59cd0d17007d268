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
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.TokenQuota;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps one partner's token requests within its monthly quota, counted per month of the
 * partner's quota zone in its {@link PartnerTokenStore} (for the whole fleet in a shared
 * store), or in memory alone when there is no quota. Each request is reserved before it
 * is sent with the store's atomic check-and-increment, and taken back if answered without
 * a token; a store that fails leaves this instance's {@link MonthlyTokenCount count} in
 * charge. It warns once a month at 80 %, keeps the last 10 % for renewals of expiring
 * tokens, and once the quota is used up refuses at once with a
 * {@link PartnerTokenQuotaException}.
 */
final class MonthlyTokenQuota implements TokenRequestBudget {

	private static final Log logger = LogFactory.getLog(MonthlyTokenQuota.class);

	private static final double WARN_AT = 0.8;

	private static final double RESERVE = 0.1;

	private final String partner;

	private final @Nullable Integer limit;

	private final PartnerTokenStore store;

	private final Supplier<TokenKey> key;

	private final Duration storeTimeout;

	private final MonthlyTokenCount count;

	private final AtomicReference<@Nullable YearMonth> warned = new AtomicReference<>();

	private final AtomicBoolean refreshing = new AtomicBoolean();

	/**
	 * Creates the monthly token quota of one partner whose quota month starts in UTC.
	 * @param limit the monthly quota, or {@code null} for none: requests are still
	 * counted
	 * @param store the store that counts token requests
	 * @param key the key of the partner's token
	 * @param storeTimeout how long each store operation may take before this instance's
	 * own count stands in for the store's
	 * @param clock the clock to read the month from
	 */
	MonthlyTokenQuota(@Nullable Integer limit, PartnerTokenStore store, TokenKey key, Duration storeTimeout,
			Clock clock) {
		this(limit, store, key, storeTimeout, clock, ZoneOffset.UTC);
	}

	/**
	 * Creates the monthly token quota of one partner.
	 * @param limit the monthly quota, or {@code null} for none: requests are still
	 * counted
	 * @param store the store that counts token requests
	 * @param key the key of the partner's token
	 * @param storeTimeout how long each store operation may take before this instance's
	 * own count stands in for the store's
	 * @param clock the clock to read the month from
	 * @param zone the time zone in which the partner's quota month starts
	 */
	MonthlyTokenQuota(@Nullable Integer limit, PartnerTokenStore store, TokenKey key, Duration storeTimeout,
			Clock clock, ZoneId zone) {
		this(limit, store, key.partner(), () -> key, storeTimeout, clock, zone);
	}

	/**
	 * Creates the monthly token quota of one partner whose key is made when first used.
	 * @param limit the monthly quota, or {@code null} for none: requests are still
	 * counted
	 * @param store the store that counts token requests
	 * @param partner the partner's name
	 * @param key supplies the key of the partner's token
	 * @param storeTimeout how long each store operation may take before this instance's
	 * own count stands in for the store's
	 * @param clock the clock to read the month from
	 * @param zone the time zone in which the partner's quota month starts
	 */
	MonthlyTokenQuota(@Nullable Integer limit, PartnerTokenStore store, String partner, Supplier<TokenKey> key,
			Duration storeTimeout, Clock clock, ZoneId zone) {
		this.partner = partner;
		this.limit = limit;
		this.store = store;
		this.key = key;
		this.storeTimeout = storeTimeout;
		this.count = new MonthlyTokenCount(clock, zone);
	}

	/**
	 * Checks, without reserving anything, that a token may be requested: reads the
	 * month's count from the store unless this instance already knows the quota is used
	 * up. Lets an instance refuse before it takes the store's lease for a request it
	 * could not make.
	 * @return completion, or a {@link PartnerTokenQuotaException} when no token is left
	 */
	Mono<Void> check() {
		if (this.limit == null) {
			return Mono.empty();
		}
		if (exhausted(this.count.current())) {
			return Mono.error(exception());
		}
		YearMonth month = this.count.month();
		return Mono.defer(() -> this.store.issued(this.key.get(), month))
			.timeout(this.storeTimeout)
			.doOnNext((issued) -> this.count.record(month, issued))
			.onErrorResume((ex) -> Mono.empty())
			.then(Mono.defer(() -> exhausted(this.count.current()) ? Mono.error(exception()) : Mono.empty()));
	}

	/**
	 * Reserves a token request, unless this instance already knows the quota is used up
	 * or the store refuses it at the quota.
	 * @return completion, or a {@link PartnerTokenQuotaException} when no token is left
	 */
	@Override
	public Mono<Void> beforeRequest() {
		if (this.limit == null) {
			return Mono.fromRunnable(() -> this.count.reserve(this.count.month(), Long.MAX_VALUE));
		}
		if (exhausted(this.count.current())) {
			return Mono.error(exception());
		}
		YearMonth month = this.count.month();
		long most = this.limit;
		return Mono.defer(() -> this.store.reserve(this.key.get(), month, most))
			.timeout(this.storeTimeout)
			.onErrorResume((ex) -> Mono.fromSupplier(() -> this.count.reserve(month, most)))
			.flatMap((reservation) -> {
				this.count.record(month, reservation.issued());
				if (!reservation.granted()) {
					return Mono.error(exception());
				}
				warnIfNearlyUsedUp(month, reservation.issued());
				return Mono.empty();
			});
	}

	/**
	 * Does nothing: the request was counted when it was reserved.
	 * @return completion
	 */
	@Override
	public Mono<Void> issued() {
		return Mono.empty();
	}

	/**
	 * Takes back the reservation of a request the partner answered without a token.
	 * @return completion; never an error
	 */
	@Override
	public Mono<Void> notIssued() {
		YearMonth month = this.count.month();
		if (this.limit == null) {
			return Mono.fromRunnable(() -> this.count.release(month));
		}
		return Mono.defer(() -> this.store.release(this.key.get(), month))
			.timeout(this.storeTimeout)
			.doOnNext((issued) -> this.count.set(month, issued))
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	/**
	 * Reads the fleet's count of this month from the store in the background, when the
	 * partner has a quota and no read is running already. Called when a token was loaded
	 * from the store or another instance announced one.
	 */
	void refresh() {
		if (this.limit == null || !this.refreshing.compareAndSet(false, true)) {
			return;
		}
		YearMonth month = this.count.month();
		Mono.defer(() -> this.store.issued(this.key.get(), month))
			.timeout(this.storeTimeout)
			.doFinally((signal) -> this.refreshing.set(false))
			.subscribe((issued) -> {
				this.count.record(month, issued);
				warnIfNearlyUsedUp(month, issued);
			}, (ex) -> {
			});
	}

	boolean isLimited() {
		return this.limit != null;
	}

	/**
	 * Returns whether a 401 may force a renewal: not in the last 10 % of the quota, which
	 * are kept for renewals of expiring tokens. Reads the fleet's count as this instance
	 * last read it, without I/O.
	 * @return whether a forced renewal may be made
	 */
	boolean mayForceRenewal() {
		if (this.limit == null) {
			return true;
		}
		long reserve = (long) Math.ceil(this.limit * RESERVE);
		return this.count.current().issued() < this.limit - reserve;
	}

	/**
	 * Returns the month's count and the quota, as this instance last read or made them.
	 * @return the quota state
	 */
	TokenQuota state() {
		MonthlyTokenCount.Count count = this.count.current();
		return new TokenQuota(this.limit, count.issued(), count.month(), this.count.resetsAt(count.month()));
	}

	private void warnIfNearlyUsedUp(YearMonth month, long issued) {
		if (this.limit != null && issued >= Math.ceil(this.limit * WARN_AT)) {
			YearMonth last = this.warned.get();
			if (!month.equals(last) && this.warned.compareAndSet(last, month)) {
				logger.warn("Partner '" + this.partner + "' has issued " + issued + " of its " + this.limit
						+ " tokens for " + month + " (" + this.count.zone() + "). Renewals forced by 401 stop at "
						+ (this.limit - (long) Math.ceil(this.limit * RESERVE)) + ", and no token is requested at "
						+ this.limit + " until " + this.count.resetsAt(month) + ".");
			}
		}
	}

	private boolean exhausted(MonthlyTokenCount.Count count) {
		return this.limit != null && count.issued() >= this.limit;
	}

	private PartnerTokenQuotaException exception() {
		YearMonth month = this.count.current().month();
		return new PartnerTokenQuotaException(this.partner, (this.limit != null) ? this.limit : 0, month,
				this.count.resetsAt(month), this.count.zone());
	}

	@Override
	public String toString() {
		return "MonthlyTokenQuota[partner=" + this.partner + ", limit=" + this.limit + "]";
	}

}
