package io.partnerapis.test.app;

import io.partnerapis.test.PartnerStandIns;
import io.partnerapis.test.autoconfigure.PartnerApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice brings the partners' clients, their stand-ins and the named component, and
 * leaves the application's other components out.
 */
@PartnerApiTest(Invoices.class)
class PartnerApiTestTests {

	@Autowired
	private Invoices invoices;

	@Autowired
	private PartnerStandIns standIns;

	@Autowired
	private ApplicationContext context;

	@Test
	void theNamedComponentCallsItsPartnerThroughTheStandIn() {
		this.standIns.partner("bemobi")
			.server()
			.stubFor(get(urlPathEqualTo("/v1/invoices")).willReturn(okJson("{\"invoices\":[]}")));
		assertThat(this.invoices.invoices()).isEqualTo("{\"invoices\":[]}");
		assertThat(this.standIns.partner("bemobi")).receivedTokenRequests(1)
			.everyApiRequestCarriedAnIssuedToken()
			.refusedNothing();
	}

	@Test
	void otherComponentsAreLeftOut() {
		assertThat(this.context.getBeanNamesForType(Unrelated.class)).isEmpty();
	}

}
