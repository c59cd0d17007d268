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

import io.partnerapis.PartnerApis;
import io.partnerapis.actuate.PartnerApisEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code partnerapis} actuator endpoint. Needs Spring Boot
 * Actuator, and like every endpoint is only created once it is exposed, for example with
 * {@code management.endpoints.web.exposure.include=partnerapis}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PartnerApisAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(PartnerApis.class)
public final class PartnerApisEndpointAutoConfiguration {

	/**
	 * Holds the condition whose class comes from
	 * {@code spring-boot-actuator-autoconfigure}, so that it is only read once the
	 * class-path check above has passed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(PartnerApisEndpoint.class)
	static class PartnerApisEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PartnerApisEndpoint partnerApisEndpoint(PartnerApis partnerApis) {
			return new PartnerApisEndpoint(partnerApis);
		}

	}

}
