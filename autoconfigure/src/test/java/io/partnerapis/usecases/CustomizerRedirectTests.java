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

import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A customizer that sets its own connector or request factory would decide about
 * redirects itself, so a partner's headers and token could follow a redirect to another
 * host: the partner's client is refused, naming the partner and what to configure
 * instead.
 */
class CustomizerRedirectTests {

	private final PartnerStub partner = new PartnerStub();

	@AfterEach
	void stop() {
		this.partner.close();
	}

	@Test
	void webClientCustomizerThatSetsItsOwnConnectorFailsStartUp() {
		this.partner.contextRunner("acme")
			.withBean(PartnerWebClientCustomizer.class,
					() -> (name, builder) -> builder
						.clientConnector(new ReactorClientHttpConnector(HttpClient.create().followRedirect(true))))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(PartnerApiConfigurationException.class)
					.hasMessageContaining("'partner.apis.acme'")
					.hasMessageContaining("PartnerWebClientCustomizer that calls clientConnector(...)")
					.hasMessageContaining("redirect");
				assertThat(((PartnerApiConfigurationException) rootCause(context.getStartupFailure())).getProblems())
					.singleElement()
					.satisfies((problem) -> assertThat(problem.action()).contains("ClientHttpConnectorBuilder"));
			});
	}

	@Test
	void restClientCustomizerThatSetsItsOwnRequestFactoryFailsTheRestClient() {
		this.partner.contextRunner("acme")
			.withBean(PartnerRestClientCustomizer.class,
					() -> (name, builder) -> builder.requestFactory(new SimpleClientHttpRequestFactory()))
			.run((context) -> assertThatException()
				.isThrownBy(() -> context.getBean("acmeRestClient", RestClient.class))
				.havingRootCause()
				.isInstanceOf(PartnerApiConfigurationException.class)
				.withMessageContaining("'partner.apis.acme'")
				.withMessageContaining("PartnerRestClientCustomizer that calls requestFactory(...)")
				.withMessageContaining("ClientHttpRequestFactoryBuilder"));
	}

	@Test
	void customizerThatLeavesTheConnectorAloneIsApplied() {
		this.partner.contextRunner("acme")
			.withBean(PartnerWebClientCustomizer.class,
					() -> (name, builder) -> builder.apply((applied) -> applied.defaultHeader("X-Tenant", "north")))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
