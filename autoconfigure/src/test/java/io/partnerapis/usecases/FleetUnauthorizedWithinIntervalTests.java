package io.partnerapis.usecases;

import java.util.Map;

import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose token the partner rejects within its
 * {@code unauthorized-renewal-interval} may not renew, but another instance has renewed
 * meanwhile: it takes the stored token and replays, at no token's cost.
 */
class FleetUnauthorizedWithinIntervalTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void unauthorizedWithinTheIntervalReplaysWithATokenAnotherInstanceSaved() {
		PartnerStub partner = fleet.partner();
		partner.tokens(10, 3600);
		partner.apiAnswers("/things", "token-1", 200);
		fleet.run(2, Map.of("unauthorized-renewal-interval", "1h"), (instances) -> {
			assertThat(PartnerStub.call(instances.webClient(0), "/things")).isEqualTo(200);
			partner.apiAnswers("/things", "token-1", 401);
			partner.apiAnswers("/things", "token-2", 200);
			assertThat(PartnerStub.call(instances.webClient(0), "/things"))
				.as("the first instance renews for its first 401, and its interval starts")
				.isEqualTo(200);
			partner.apiAnswers("/things", "token-2", 401);
			partner.apiAnswers("/things", "token-3", 200);
			assertThat(PartnerStub.call(instances.webClient(1), "/things"))
				.as("the second instance renews for its own first 401 and saves token-3")
				.isEqualTo(200);
			assertThat(partner.tokenRequests()).isEqualTo(3);
			assertThat(PartnerStub.call(instances.webClient(0), "/things"))
				.as("the first instance, within its interval, replays with the stored token-3")
				.isEqualTo(200);
			assertThat(partner.tokenRequests()).as("no token request for that").isEqualTo(3);
		});
	}

}
