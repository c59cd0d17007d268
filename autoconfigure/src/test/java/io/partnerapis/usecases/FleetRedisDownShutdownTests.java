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

import java.time.Duration;
import java.util.Map;

import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose Redis went down closes within a few seconds, inside a Kubernetes
 * pod's default grace period of 30 s, even with Lettuce's default command timeout of 60
 * s.
 */
class FleetRedisDownShutdownTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void instanceClosesWithinAFewSecondsWhileRedisIsDown() throws Exception {
		fleet.partner().tokens(10, 3600);
		fleet.partner().apiAlwaysAnswers("/things", 200);
		try {
			fleet.instance(Map.of("token.response-timeout", "10s"))
				.withPropertyValues("spring.data.redis.timeout=60s")
				.run((context) -> {
					assertThat(
							PartnerStub.call(
									context.getBean("acmeWebClient",
											org.springframework.web.reactive.function.client.WebClient.class),
									"/things"))
						.isEqualTo(200);
					fleet.redis().stop();
					long start = System.nanoTime();
					context.close();
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
				});
		}
		finally {
			fleet.redis().start();
		}
	}

}
