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

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.partnerapis.PartnerApis;
import io.partnerapis.store.redis.TestEncryptionKeys;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.MutableClock;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The key rotation procedure of the README costs no token: the new key deployed as a
 * previous key everywhere, then made the primary one, then, once the stored token was
 * renewed under it, the old key dropped. Three instances walk through it on one clock.
 */
@ExtendWith(OutputCaptureExtension.class)
class FleetKeyRotationTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	private static final String OLD_KEY = TestEncryptionKeys.generate();

	private static final String NEW_KEY = TestEncryptionKeys.generate();

	private final MutableClock clock = new MutableClock();

	@Test
	void rotationCostsNoToken(CapturedOutput output) {
		PartnerStub partner = fleet.partner();
		// token-1 lives an hour, later tokens two: on the clock moved to token-1's
		// renewal, they are not due at once
		partner.tokens(10, (token) -> PartnerStub.tokenResponse(token, token.equals("token-1") ? 3600 : 7200), 0);
		partner.apiAlwaysAnswers("/things", 200);
		String newId = TestEncryptionKeys.keyId(NEW_KEY);
		instance(OLD_KEY, NEW_KEY).run((step1) -> instance(NEW_KEY, OLD_KEY).run((step2) -> {
			assertThat(fleet.presented(step1)).as("step 1: the new key is a previous key").isEqualTo("Bearer token-1");
			assertThat(fleet.presented(step2)).as("step 2: the new key is primary, reads the old")
				.isEqualTo("Bearer token-1");
			this.clock.set(step2.getBean(PartnerApis.class).get("acme").getTokenState().expiresAt().minusSeconds(30));
			fleet.presented(step2);
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				assertThat(partner.tokenRequests()).as("the renewal that token-1's lifetime asks for").isEqualTo(2);
				assertThat(fleet.stored("token")).as("renewed under the new key").contains(" " + newId + " ");
			});
			fleet.presented(step1);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(fleet.presented(step1)).as("step 1 reads what the new key wrote")
					.isEqualTo("Bearer token-2"));
			instance(NEW_KEY, null).run((step3) -> {
				assertThat(fleet.presented(step3)).as("step 3: the old key dropped").isEqualTo("Bearer token-2");
				assertThat(problem(step3)).isNull();
			});
			assertThat(problem(step1)).isNull();
			assertThat(problem(step2)).isNull();
		}));
		assertThat(partner.tokenRequests()).as("the first token and its one renewal").isEqualTo(2);
		assertThat(output).doesNotContain("encryption-key", OLD_KEY, NEW_KEY);
	}

	private ApplicationContextRunner instance(String key, String previous) {
		ApplicationContextRunner runner = fleet.instance(Map.of("token.response-timeout", "10s"))
			.withBean(Clock.class, () -> this.clock)
			.withPropertyValues("partner.token-store.encryption-key=" + key);
		return (previous != null)
				? runner.withPropertyValues("partner.token-store.previous-encryption-keys=" + previous) : runner;
	}

	private static String problem(AssertableApplicationContext context) {
		return context.getBean(PartnerApis.class).get("acme").getTokenState().storeFailure();
	}

}
