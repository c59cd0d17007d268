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

package io.partnerapis.test.app;

import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configured as {@link AutoConfigurePartnerStandInsTests}, so Spring's test context cache
 * gives both the same context, and the same stand-ins.
 */
@SpringBootTest
@AutoConfigurePartnerStandIns
class ContextCachingTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PartnerStandIns standIns;

	@Test
	void sameConfigurationGetsTheSameContext() {
		ContextIdentity.sameContextAs(this.context);
		assertThat(this.standIns.all()).allSatisfy((standIn) -> assertThat(standIn.isRunning()).isTrue());
	}

}
