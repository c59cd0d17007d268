package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;

/**
 * {@link AbstractOriginGuardTests} for a partner's RestClient.
 */
class RestClientOriginGuardTests extends AbstractOriginGuardTests {

	RestClientOriginGuardTests() {
		super(PartnerClient.Type.REST_CLIENT);
	}

}
