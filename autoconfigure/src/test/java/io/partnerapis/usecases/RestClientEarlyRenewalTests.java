package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;

/**
 * {@link AbstractEarlyRenewalTests} for a partner's RestClient.
 */
class RestClientEarlyRenewalTests extends AbstractEarlyRenewalTests {

	RestClientEarlyRenewalTests() {
		super(PartnerClient.Type.REST_CLIENT);
	}

}
