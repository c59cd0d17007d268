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

import java.util.List;

import io.partnerapis.PartnerApis;
import io.partnerapis.actuate.PartnerApisEndpoint;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerApisEndpointAutoConfiguration}.
 */
class PartnerApisEndpointAutoConfigurationTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	private final ApplicationContextRunner contextRunner = this.partner.contextRunner("acme")
		.withConfiguration(AutoConfigurations.of(PartnerApisEndpointAutoConfiguration.class));

	@Test
	void endpointIsCreatedWhenExposed() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=partnerapis")
			.run((context) -> assertThat(context).hasSingleBean(PartnerApisEndpoint.class));
	}

	@Test
	void noEndpointUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PartnerApis.class)
			.doesNotHaveBean(PartnerApisEndpoint.class));
	}

	@Test
	void noEndpointWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=partnerapis",
					"management.endpoint.partnerapis.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(PartnerApisEndpoint.class));
	}

	@Test
	void noEndpointWithoutActuator() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=partnerapis")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasSingleBean(PartnerApis.class)
				.doesNotHaveBean("partnerApisEndpoint"));
	}

	@Test
	void backsOffForAUserEndpoint() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=partnerapis")
			.withBean("myEndpoint", PartnerApisEndpoint.class,
					() -> new PartnerApisEndpoint(new PartnerApis(List.of())))
			.run((context) -> assertThat(context).hasSingleBean(PartnerApisEndpoint.class)
				.hasBean("myEndpoint")
				.doesNotHaveBean("partnerApisEndpoint"));
	}

}
