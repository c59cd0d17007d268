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

package io.partnerapis.test.context;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import io.partnerapis.test.PartnerStandIns;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link PartnerStandIns} of a test's context after each test method, without
 * restarting their servers, so that each test starts from no stubs, no faults and an
 * empty request journal. Registered in {@code META-INF/spring.factories}.
 *
 * <p>
 * Under JUnit's parallel execution several test methods may share one context at the same
 * time; its stand-ins are then reset when the last of them ends, never under a method
 * still running.
 */
class PartnerStandInsResetTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * How many test methods are running against each context's stand-ins; shared by the
	 * listeners of every test class, since test classes share cached contexts.
	 */
	private static final Map<PartnerStandIns, int[]> running = Collections.synchronizedMap(new WeakHashMap<>());

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		PartnerStandIns standIns = standIns(testContext);
		if (standIns != null) {
			synchronized (standIns) {
				running.computeIfAbsent(standIns, (key) -> new int[1])[0]++;
			}
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		PartnerStandIns standIns = standIns(testContext);
		if (standIns != null) {
			synchronized (standIns) {
				int[] count = running.get(standIns);
				if (count == null || --count[0] <= 0) {
					running.remove(standIns);
					standIns.reset();
				}
			}
		}
	}

	private static @Nullable PartnerStandIns standIns(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return null;
		}
		ApplicationContext context = testContext.getApplicationContext();
		return context.getBeanProvider(PartnerStandIns.class).getIfAvailable();
	}

}
