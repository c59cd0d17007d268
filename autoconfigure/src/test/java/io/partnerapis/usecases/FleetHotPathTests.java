package io.partnerapis.usecases;

import java.util.Map;

import io.partnerapis.testsupport.Fleet;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call with a valid cached token makes no Redis round trip: the server's own command
 * statistics count nothing while a warm fleet makes hundreds of calls.
 */
class FleetHotPathTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void callsWithAValidTokenSendNoCommandToRedis() {
		fleet.partner().tokens(5, 3600);
		fleet.partner().apiAnswers("/things", "token-1", 200);
		fleet.run(3, Map.of(), (instances) -> {
			assertThat(instances.callAtOnce("/things", 5)).containsOnly(200);
			assertThat(fleet.redis().commandCalls()).as("the cold start used Redis").containsKeys("set", "get");
			fleet.redis().raw().configResetstat();
			assertThat(instances.callAtOnce("/things", 100)).hasSize(300).containsOnly(200);
			Map<String, Long> calls = fleet.redis().commandCalls();
			calls.keySet().removeIf((command) -> command.equals("info") || command.startsWith("config"));
			assertThat(calls).as("commands Redis ran during 300 warm calls").isEmpty();
			assertThat(fleet.partner().tokenRequests()).isEqualTo(1);
		});
	}

}
