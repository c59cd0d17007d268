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

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tests for {@link PartnerWebClientRegistrar} and the partner WebClients it registers.
 */
class PartnerWebClientRegistrarTests extends AbstractPartnerClientRegistrarTests<WebClient> {

	PartnerWebClientRegistrarTests() {
		super(WebClient.class, InjectionConfiguration.class);
	}

	@Override
	WebClient partnerClient(PartnerApis apis, String partner) {
		return apis.webClient(partner);
	}

	@Override
	WebClient newClient() {
		return WebClient.create("http://127.0.0.1:1");
	}

	@Override
	String beanName(String partner) {
		return PartnerWebClientRegistrar.beanName(partner);
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectionConfiguration {

		@Bean
		WebClient applicationClient() {
			return WebClient.create();
		}

		@Bean
		UnqualifiedInjection unqualifiedInjection(WebClient client) {
			return new UnqualifiedInjection(client);
		}

		@Bean
		QualifiedInjection qualifiedInjection(@Qualifier("acme") WebClient acme,
				@Qualifier("my-partner") WebClient myPartner) {
			return new QualifiedInjection(acme, myPartner);
		}

	}

}
