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

package io.partnerapis.autoconfigure;

import io.partnerapis.PartnerApi;

import org.springframework.boot.health.contributor.Health;

/**
 * A partner's health as the {@code partnerApis} health contributor reports it, for tests
 * outside this package, where {@link PartnerApiHealthIndicator} is not visible.
 */
public final class PartnerHealth {

	private PartnerHealth() {
	}

	/**
	 * Returns the health of a partner.
	 * @param api the partner
	 * @return its health, as its indicator in the contributor computes it
	 */
	public static Health of(PartnerApi api) {
		return new PartnerApiHealthIndicator(api).health();
	}

}
