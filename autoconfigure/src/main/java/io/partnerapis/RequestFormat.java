package io.partnerapis;

/**
 * Format of a token request body.
 *
 * @since 0.1.0
 */
public enum RequestFormat {

	/**
	 * 'application/x-www-form-urlencoded', as RFC 6749 specifies.
	 */
	FORM,

	/**
	 * 'application/json' object of string values.
	 */
	JSON

}
