package io.partnerapis.usecases;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two services that share Redis and a client id but ask for tokens of different resources
 * never share a token: each token request is made, and each service presents its own
 * token.
 */
class FleetTokenFingerprintTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void servicesThatAskForDifferentResourcesEachPresentTheirOwnToken() {
		PartnerStub partner = fleet.partner();
		for (String resource : new String[] { "orders", "invoices" }) {
			partner
				.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).withRequestBody(containing("resource=" + resource))
					.willReturn(PartnerStub.json(PartnerStub.tokenResponse("token-" + resource, 3600))));
		}
		partner.apiAlwaysAnswers("/things", 200);
		fleet.instance(Map.of("token.parameters.resource", "orders"))
			.run((orders) -> fleet.instance(Map.of("token.parameters.resource", "invoices")).run((invoices) -> {
				assertThat(call(orders.getBean("acmeWebClient", WebClient.class))).isEqualTo("Bearer token-orders");
				assertThat(call(invoices.getBean("acmeWebClient", WebClient.class))).isEqualTo("Bearer token-invoices");
				assertThat(call(orders.getBean("acmeWebClient", WebClient.class))).isEqualTo("Bearer token-orders");
			}));
		assertThat(partner.tokenRequests()).as("one token per resource").isEqualTo(2);
		assertThat(fleet.redis().raw().keys("*:token")).hasSize(2);
	}

	private static String call(WebClient webClient) {
		assertThat(PartnerStub.call(webClient, "/things")).isEqualTo(200);
		List<LoggedRequest> requests = fleet.partner().apiRequests();
		return requests.get(requests.size() - 1).getHeader("Authorization");
	}

}
