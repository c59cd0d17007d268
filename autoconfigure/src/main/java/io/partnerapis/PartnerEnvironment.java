package io.partnerapis;

import java.util.Locale;

/**
 * Partner environments whose hosts a provider preset knows.
 *
 * @since 0.1.0
 */
public enum PartnerEnvironment {

	/**
	 * Live hosts.
	 */
	PRODUCTION,

	/**
	 * Sandbox hosts for development and testing.
	 */
	SANDBOX;

	/**
	 * Returns the name of this environment as written in configuration.
	 * @return the lower-case environment id
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
