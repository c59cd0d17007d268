package io.partnerapis;

/**
 * Grant used to renew a token.
 *
 * @since 0.1.0
 */
public enum RenewalGrant {

	/**
	 * A new client-credentials grant.
	 */
	CLIENT_CREDENTIALS,

	/**
	 * The refresh token of the last response, falling back to a new client-credentials
	 * grant whenever the refresh fails.
	 */
	REFRESH_TOKEN

}
