package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;

/**
 * {@link AbstractColdStartTests} for a partner's WebClient, whose concurrent callers are
 * subscriptions on one thread.
 */
class WebClientColdStartTests extends AbstractColdStartTests {

	WebClientColdStartTests() {
		super(PartnerClient.Type.WEB_CLIENT);
	}

}
