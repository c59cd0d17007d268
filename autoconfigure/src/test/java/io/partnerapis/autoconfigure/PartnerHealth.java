package io.partnerapis.autoconfigure;

import io.partnerapis.PartnerApi;

import org.springframework.boot.health.contributor.Health;

/**
 * A partner's health as the {@code partnerApis} health contributor reports it, for tests
 * outside this package, where {@link PartnerApiHealthIndicator} is not visible.
 */
public final class PartnerHealth {

	private PartnerHealth() {
	}

	/**
	 * Returns the health of a partner.
	 * @param api the partner
	 * @return its health, as its indicator in the contributor computes it
	 */
	public static Health of(PartnerApi api) {
		return new PartnerApiHealthIndicator(api).health();
	}

}
