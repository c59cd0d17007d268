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

import io.partnerapis.testsupport.PartnerClient;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * {@link AbstractHttpServiceGroupsTests} for RestClient groups.
 */
class RestClientHttpServiceGroupsTests extends AbstractHttpServiceGroupsTests {

	RestClientHttpServiceGroupsTests() {
		super(PartnerClient.Type.REST_CLIENT, AcmeGroup.class, SensorsGroup.class);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = AcmeApi.class, clientType = ClientType.REST_CLIENT)
	static class AcmeGroup {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "sensors", types = AnnotatedApi.class, clientType = ClientType.REST_CLIENT)
	static class SensorsGroup {

	}

}
