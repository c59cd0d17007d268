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

import io.partnerapis.PartnerApis;
import io.partnerapis.autoconfigure.PartnerHealth;
import io.partnerapis.store.redis.TestEncryptionKeys;
import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances whose encryption settings disagree cost one token each per token lifetime and
 * say so: none overwrites a stored token it cannot read, a keyed one never writes in
 * clear, each logs one WARN naming the properties and the key id it found, and health
 * shows it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FleetEncryptionMismatchTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	private static final String KEY_1 = TestEncryptionKeys.generate();

	private static final String KEY_2 = TestEncryptionKeys.generate();

	@Test
	void instancesWithOtherKeysKeepTheirOwnTokensAndLeaveTheStoredOne(CapturedOutput output) {
		PartnerStub partner = fleet.partner();
		partner.tokens(10, 3600);
		partner.apiAlwaysAnswers("/things", 200);
		String storedId = TestEncryptionKeys.keyId(KEY_1);
		instance(KEY_1).run((first) -> {
			assertThat(fleet.presented(first)).isEqualTo("Bearer token-1");
			instance(KEY_2).run((otherKey) -> {
				assertThat(fleet.presented(otherKey)).isEqualTo("Bearer token-2");
				assertThat(fleet.presented(otherKey)).as("its own token, from memory").isEqualTo("Bearer token-2");
				Health health = PartnerHealth.of(otherKey.getBean(PartnerApis.class).get("acme"));
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails().get("store").toString()).contains("key id " + storedId,
						"'partner.token-store.encryption-key'", "'partner.token-store.previous-encryption-keys'");
			});
			assertThat(fleet.stored("token")).as("token-1 stays stored under the first key")
				.contains(" " + storedId + " ");
			instance(KEY_1).run((sameKey) -> assertThat(fleet.presented(sameKey)).isEqualTo("Bearer token-1"));
			instance(null).run((keyless) -> assertThat(fleet.presented(keyless)).isEqualTo("Bearer token-3"));
			assertThat(fleet.stored("token")).as("the keyless instance wrote nothing").contains(" " + storedId + " ");
		});
		assertThat(partner.tokenRequests()).as("the first, one for each instance with another key").isEqualTo(3);
		assertThat(output.toString().split("is encrypted with key id " + storedId, -1))
			.as("one WARN by each of the two instances that could not read it")
			.hasSize(3);
		assertThat(output).doesNotContain(KEY_1, KEY_2);
	}

	@Test
	void keyedInstanceNeitherTrustsNorOverwritesATokenStoredInClear(CapturedOutput output) {
		PartnerStub partner = fleet.partner();
		partner.tokens(10, 3600);
		partner.apiAlwaysAnswers("/things", 200);
		instance(null).run((keyless) -> {
			assertThat(fleet.presented(keyless)).isEqualTo("Bearer token-1");
			instance(KEY_1).run((keyed) -> assertThat(fleet.presented(keyed)).isEqualTo("Bearer token-2"));
			assertThat(fleet.stored("token")).contains(" clear ");
			assertThat(fleet.presented(keyless)).isEqualTo("Bearer token-1");
		});
		assertThat(partner.tokenRequests()).isEqualTo(2);
		assertThat(output).contains("is stored in clear").doesNotContain(KEY_1);
	}

	private static ApplicationContextRunner instance(String key) {
		ApplicationContextRunner runner = fleet.instance(Map.of("token.response-timeout", "10s"));
		return (key != null) ? runner.withPropertyValues("partner.token-store.encryption-key=" + key) : runner;
	}

}
