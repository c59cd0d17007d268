package io.partnerapis.usecases;

import java.util.Map;

import io.partnerapis.testsupport.Fleet;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token revoked by the partner and met with 401 on all three instances of a fleet costs
 * one renewal for the whole fleet.
 */
class FleetRevocationTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void revocationMetOnEveryInstanceCostsOneRenewal() {
		fleet.partner().tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 200);
		fleet.partner().apiAnswers("/things", "token-1", 200);
		fleet.run(3, Map.of(), (instances) -> {
			assertThat(instances.callAtOnce("/things", 2)).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).isEqualTo(1);
			fleet.partner().apiAnswers("/things", "token-1", 401);
			fleet.partner().apiAnswers("/things", "token-2", 200);
			assertThat(instances.callAtOnce("/things", 20)).hasSize(60).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).as("one for the start, one for the revocation").isEqualTo(2);
			assertThat(fleet.redis().raw().keys("*:token")).hasSize(1);
		});
	}

}
