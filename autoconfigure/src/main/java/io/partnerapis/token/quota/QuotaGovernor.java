package io.partnerapis.token.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.partnerapis.PartnerTokenQuotaException;
import io.partnerapis.TokenQuota;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import io.partnerapis.token.fetch.TokenFetcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps one partner's token requests within its monthly quota. Tokens the partner issued
 * are counted per calendar month (UTC) in the partner's {@link PartnerTokenStore}: for
 * the whole fleet in a shared store, per instance in memory.
 *
 * <ul>
 * <li>At 80 % used, one WARN line per month and instance.</li>
 * <li>The last 10 % are kept for renewals of expiring tokens: renewals forced by a 401
 * are not made there.</li>
 * <li>When the quota is used up, no token is requested until the month ends; callers get
 * a {@link PartnerTokenQuotaException} at once.</li>
 * </ul>
 * A store that fails leaves the count of this instance in charge, so a lost store costs
 * precision, never a call. *
 *
 * @since 0.2.0
 */
public final class QuotaGovernor implements TokenFetcher.Budget {

	private static final Log logger = LogFactory.getLog(QuotaGovernor.class);

	private static final double WARN_AT = 0.8;

	private static final double RESERVE = 0.1;

	private final String partner;

	private final @Nullable Integer limit;

	private final PartnerTokenStore store;

	private final TokenKey key;

	private final Duration storeTimeout;

	private final Clock clock;

	private final AtomicReference<Count> count;

	private final AtomicReference<@Nullable YearMonth> warned = new AtomicReference<>();

	/**
	 * Creates the governor of one partner.
	 * @param limit the monthly quota, or {@code null} for none: tokens are still counted
	 * @param store the store that counts issued tokens
	 * @param key the key of the partner's token
	 * @param storeTimeout how long each store operation may take before this instance's
	 * own count stands in for the store's
	 * @param clock the clock to read the month from
	 */
	public QuotaGovernor(@Nullable Integer limit, PartnerTokenStore store, TokenKey key, Duration storeTimeout,
			Clock clock) {
		this.partner = key.partner();
		this.limit = limit;
		this.store = store;
		this.key = key;
		this.storeTimeout = storeTimeout;
		this.clock = clock;
		this.count = new AtomicReference<>(new Count(month(), 0));
	}

	/**
	 * Checks that a token may be requested now, reading the month's count from the store
	 * unless this instance already knows the quota is used up.
	 * @return completion, or a {@link PartnerTokenQuotaException} when no token is left
	 */
	@Override
	public Mono<Void> beforeRequest() {
		if (this.limit == null) {
			return Mono.empty();
		}
		if (exhausted(current())) {
			return Mono.error(exception());
		}
		YearMonth month = month();
		return Mono.defer(() -> this.store.issued(this.key, month))
			.timeout(this.storeTimeout)
			.doOnNext((issued) -> record(month, issued))
			.onErrorResume((ex) -> Mono.empty())
			.then(Mono.defer(() -> exhausted(current()) ? Mono.error(exception()) : Mono.empty()));
	}

	/**
	 * Counts a token the partner issued.
	 * @return completion; never an error
	 */
	@Override
	public Mono<Void> issued() {
		YearMonth month = month();
		return Mono.defer(() -> this.store.countIssued(this.key, month))
			.timeout(this.storeTimeout)
			.onErrorResume((ex) -> Mono.fromSupplier(() -> current().issued() + 1))
			.doOnNext((issued) -> {
				record(month, issued);
				warnIfNearlyUsedUp(month, issued);
			})
			.then();
	}

	/**
	 * Returns whether a 401 may force a renewal: not in the last 10 % of the quota, which
	 * are kept for renewals of expiring tokens. Reads what this instance counted last,
	 * without I/O.
	 * @return whether a forced renewal may be made
	 */
	public boolean mayForceRenewal() {
		if (this.limit == null) {
			return true;
		}
		long reserve = (long) Math.ceil(this.limit * RESERVE);
		return current().issued() < this.limit - reserve;
	}

	/**
	 * Returns the month's count and the quota, as this instance last counted them.
	 * @return the quota state
	 */
	public TokenQuota state() {
		Count count = current();
		return new TokenQuota(this.limit, count.issued(), count.month(), resetsAt(count.month()));
	}

	private void warnIfNearlyUsedUp(YearMonth month, long issued) {
		if (this.limit != null && issued >= Math.ceil(this.limit * WARN_AT)) {
			YearMonth last = this.warned.get();
			if (!month.equals(last) && this.warned.compareAndSet(last, month)) {
				logger.warn("Partner '" + this.partner + "' has issued " + issued + " of its " + this.limit
						+ " tokens for " + month + " (UTC). Renewals forced by 401 stop at "
						+ (this.limit - (long) Math.ceil(this.limit * RESERVE)) + ", and no token is requested at "
						+ this.limit + " until " + resetsAt(month) + ".");
			}
		}
	}

	private boolean exhausted(Count count) {
		return this.limit != null && count.issued() >= this.limit;
	}

	private PartnerTokenQuotaException exception() {
		YearMonth month = current().month();
		return new PartnerTokenQuotaException(this.partner, (this.limit != null) ? this.limit : 0, month,
				resetsAt(month));
	}

	/**
	 * Records a count read or made for a month, keeping the higher of two counts of the
	 * same month, since a count only grows.
	 */
	private void record(YearMonth month, long issued) {
		this.count.updateAndGet(
				(known) -> (month.isAfter(known.month()) || (month.equals(known.month()) && known.issued() < issued))
						? new Count(month, issued) : known);
	}

	private Count current() {
		YearMonth month = month();
		return this.count.updateAndGet((known) -> known.month().equals(month) ? known : new Count(month, 0));
	}

	private YearMonth month() {
		return YearMonth.from(this.clock.instant().atZone(ZoneOffset.UTC));
	}

	private static Instant resetsAt(YearMonth month) {
		return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	@Override
	public String toString() {
		return "QuotaGovernor[partner=" + this.partner + ", limit=" + this.limit + "]";
	}

	private record Count(YearMonth month, long issued) {
	}

}
