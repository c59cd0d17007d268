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

import java.time.Duration;

import io.partnerapis.testsupport.PartnerClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AbstractHttpServiceGroupsTests} for WebClient groups, whose interfaces may also
 * answer reactively.
 */
class WebClientHttpServiceGroupsTests extends AbstractHttpServiceGroupsTests {

	WebClientHttpServiceGroupsTests() {
		super(PartnerClient.Type.WEB_CLIENT, AcmeGroup.class, SensorsGroup.class);
	}

	@Test
	void reactiveInterfaceOfAGroupNamedAfterThePartnerCallsItWithItsToken() {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/things", "token-1", 200);
		contextRunner(ReactiveAcmeGroup.class).run((context) -> {
			assertThat(context.getBean(ReactiveAcmeApi.class).things().block(Duration.ofSeconds(10))).isEqualTo("{}");
			assertThat(this.partner.tokenRequests()).isEqualTo(1);
			assertThat(this.partner.apiRequests()).singleElement()
				.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
		});
	}

	interface ReactiveAcmeApi {

		@GetExchange("/things")
		Mono<String> things();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = AcmeApi.class, clientType = ClientType.WEB_CLIENT)
	static class AcmeGroup {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "sensors", types = AnnotatedApi.class, clientType = ClientType.WEB_CLIENT)
	static class SensorsGroup {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = ReactiveAcmeApi.class, clientType = ClientType.WEB_CLIENT)
	static class ReactiveAcmeGroup {

	}

}
