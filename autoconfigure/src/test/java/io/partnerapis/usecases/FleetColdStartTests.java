package io.partnerapis.usecases;

import java.util.Map;

import java.util.List;

import io.partnerapis.testsupport.Fleet;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances that share a Redis start cold and are each hit by 60 concurrent calls
 * at the same moment: one token request serves the whole fleet.
 */
class FleetColdStartTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void threeInstancesHitAtOnceMakeOneTokenRequest() {
		fleet.partner().tokens(5, (token) -> PartnerStub.tokenResponse(token, 3600), 300);
		fleet.partner().apiAnswers("/things", "token-1", 200);
		fleet.run(3, Map.of(), (instances) -> {
			List<Integer> statuses = instances.callAtOnce("/things", 60);
			assertThat(statuses).hasSize(180).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).isEqualTo(1);
			assertThat(fleet.partner().apiRequests()).hasSize(180);
		});
	}

}
