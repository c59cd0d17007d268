package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ApplicationContext;

/**
 * Base of the scenarios that a partner's WebClient and RestClient both keep: a partner
 * {@code acme} on loopback, and the client type that a subclass names.
 */
abstract class AbstractPartnerClientTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	private final PartnerClient.Type clientType;

	AbstractPartnerClientTests(PartnerClient.Type clientType) {
		this.clientType = clientType;
	}

	/**
	 * Returns the client type under test.
	 * @return the client type
	 */
	PartnerClient.Type clientType() {
		return this.clientType;
	}

	/**
	 * Returns partner {@code acme}'s client of the type under test.
	 * @param context the application context
	 * @return the client
	 */
	PartnerClient client(ApplicationContext context) {
		return this.clientType.of(context, "acme");
	}

}
