package io.partnerapis.autoconfigure;

/**
 * Thrown at start-up when the configured token store cannot be built, such as
 * {@code partner.token-store.type: redis} without Spring Data Redis.
 *
 * @since 0.2.0
 */
public class PartnerTokenStoreUnavailableException extends RuntimeException {

	private final String action;

	/**
	 * Creates a new exception.
	 * @param description what is missing, naming the property that asks for it
	 * @param action how to fix it
	 */
	public PartnerTokenStoreUnavailableException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * Returns how to fix the problem.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
