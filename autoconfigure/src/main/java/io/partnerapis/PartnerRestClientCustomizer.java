package io.partnerapis;

import org.springframework.web.client.RestClient;

/**
 * Callback that customizes the {@link RestClient.Builder} of partner RestClients. Every
 * bean of this type is called for every partner, in
 * {@link org.springframework.core.Ordered order}, after the base URL, headers and request
 * factory are set and before the partner's authorization interceptor is added as the
 * innermost interceptor. Use the partner's name to change one partner only.
 *
 * <p>
 * Tokens are only ever sent to the origin of the partner's {@code base-url} property:
 * changing the base URL here does not change where tokens may go. The request factory a
 * partner RestClient starts with never follows redirects; a customizer that sets another
 * one takes that duty over.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface PartnerRestClientCustomizer {

	/**
	 * Customizes the builder of one partner's RestClient.
	 * @param partner the partner's name, as configured under {@code partner.apis}
	 * @param builder the builder to customize
	 */
	void customize(String partner, RestClient.Builder builder);

}
