package io.partnerapis;

import java.util.Locale;

/**
 * What became of a request that a partner answered with 401 Unauthorized.
 *
 * @since 0.1.0
 */
public enum UnauthorizedRetryOutcome {

	/**
	 * Replayed with a fresh token, and the replay was not rejected.
	 */
	RECOVERED,

	/**
	 * Replayed with a fresh token, and the replay was rejected or failed too.
	 */
	FAILED,

	/**
	 * Not replayed: its body could not be sent again, or a renewal forced by 401 happened
	 * too recently.
	 */
	SKIPPED;

	/**
	 * Returns the value of the {@code outcome} metric tag.
	 * @return the lower-case outcome
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
