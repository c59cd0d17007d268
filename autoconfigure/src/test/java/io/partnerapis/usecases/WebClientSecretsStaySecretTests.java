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
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * {@link AbstractSecretsStaySecretTests} for a partner's WebClient.
 */
class WebClientSecretsStaySecretTests extends AbstractSecretsStaySecretTests {

	WebClientSecretsStaySecretTests() {
		super(PartnerClient.Type.WEB_CLIENT);
	}

	@Override
	Class<?> groupConfiguration() {
		return WebClientGroup.class;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = AcmeApi.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class WebClientGroup {

	}

}
