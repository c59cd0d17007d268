package io.partnerapis.usecases;

import java.util.Map;

import io.partnerapis.testsupport.Fleet;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance that starts while the fleet holds a token not yet due for renewal uses it.
 */
class FleetRestartTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void restartedInstanceUsesTheFleetsTokenWithoutARequest() {
		fleet.partner().tokens(5, 3600);
		fleet.partner().apiAnswers("/things", "token-1", 200);
		fleet.run(2, Map.of(), (instances) -> {
			assertThat(instances.callAtOnce("/things", 5)).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).isEqualTo(1);
		});
		fleet.run(1, Map.of(), (restarted) -> {
			assertThat(restarted.callAtOnce("/things", 5)).containsOnly(200);
			assertThat(fleet.partner().tokenRequests()).as("no request after the restart").isEqualTo(1);
		});
	}

}
