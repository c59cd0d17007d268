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

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerapis.PartnerApis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of partner-apis metrics: a {@link PartnerApisMeterBinder} that
 * Spring Boot binds to every {@link MeterRegistry}. Backs off when Micrometer is not on
 * the class path, the application has no meter registry, or it declares a bean named
 * {@code partnerApisMeterBinder}, which replaces this one.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PartnerApisAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean({ MeterRegistry.class, PartnerApis.class })
public final class PartnerApisMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "partnerApisMeterBinder")
	PartnerApisMeterBinder partnerApisMeterBinder(PartnerApis partnerApis) {
		return new PartnerApisMeterBinder(partnerApis);
	}

}
