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

import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code partnerApis} health contributor: one
 * {@link PartnerApiHealthIndicator} per partner. Needs Spring Boot's
 * {@code spring-boot-health} module, and can be turned off with
 * {@code management.health.partnerapis.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PartnerApisAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.HealthContributor",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(PartnerApis.class)
public final class PartnerApisHealthContributorAutoConfiguration {

	/**
	 * Holds the conditions whose classes come from {@code spring-boot-health}, so that
	 * they are only read once the class-path check above has passed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("partnerapis")
	static class PartnerApisHealthContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "partnerApisHealthIndicator", "partnerApisHealthContributor" })
		HealthContributor partnerApisHealthContributor(PartnerApis partnerApis) {
			Map<String, PartnerApi> byName = new LinkedHashMap<>();
			partnerApis.getAll().forEach((api) -> byName.put(api.getName(), api));
			return CompositeHealthContributor.fromMap(byName, PartnerApiHealthIndicator::new);
		}

	}

}
