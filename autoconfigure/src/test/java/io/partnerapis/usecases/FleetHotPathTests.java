/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.usecases;

import java.util.Map;

import io.partnerapis.testsupport.FleetExtension;
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
