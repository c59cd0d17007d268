package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;

/**
 * {@link AbstractEarlyRenewalTests} for a partner's WebClient.
 */
class WebClientEarlyRenewalTests extends AbstractEarlyRenewalTests {

	WebClientEarlyRenewalTests() {
		super(PartnerClient.Type.WEB_CLIENT);
	}

}
