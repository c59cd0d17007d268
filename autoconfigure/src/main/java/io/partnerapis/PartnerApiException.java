package io.partnerapis;

/**
 * Thrown when a partner WebClient or the {@link PartnerApis} registry is used in a way it
 * does not support: a partner name it does not know, or a request to an origin other than
 * the partner's. Nothing is sent in either case.
 *
 * @since 0.1.0
 */
public class PartnerApiException extends IllegalStateException {

	/**
	 * Creates a new exception.
	 * @param message what was wrong and how to fix it
	 */
	public PartnerApiException(String message) {
		super(message);
	}

}
