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

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the contexts of the test classes that share one configuration, to prove that
 * Spring's test context cache gives them one context.
 */
final class ContextIdentity {

	private static final Set<ApplicationContext> contexts = ConcurrentHashMap.newKeySet();

	private ContextIdentity() {
	}

	static void sameContextAs(ApplicationContext context) {
		contexts.add(context);
		assertThat(contexts).as("contexts of test classes with the same configuration").containsExactly(context);
	}

}
