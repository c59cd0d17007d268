package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;

/**
 * {@link AbstractOriginGuardTests} for a partner's WebClient.
 */
class WebClientOriginGuardTests extends AbstractOriginGuardTests {

	WebClientOriginGuardTests() {
		super(PartnerClient.Type.WEB_CLIENT);
	}

}
