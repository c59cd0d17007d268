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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerRestClientRegistrar} and the partner RestClients it registers,
 * which, unlike WebClients, are optional and built on first use.
 */
class PartnerRestClientRegistrarTests extends AbstractPartnerClientRegistrarTests<RestClient> {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	PartnerRestClientRegistrarTests() {
		super(RestClient.class, InjectionConfiguration.class);
	}

	@Override
	RestClient partnerClient(PartnerApis apis, String partner) {
		return apis.restClient(partner);
	}

	@Override
	RestClient newClient() {
		return RestClient.create("http://127.0.0.1:1");
	}

	@Override
	String beanName(String partner) {
		return PartnerClientRegistrar.beanName(partner, RestClient.class);
	}

	@Test
	void restClientAndWebClientOfAPartnerAreInjectedByQualifierSideBySide() {
		this.contextRunner.withUserConfiguration(SideBySideInjectionConfiguration.class).run((context) -> {
			SideBySideInjection injection = context.getBean(SideBySideInjection.class);
			PartnerApis apis = context.getBean(PartnerApis.class);
			assertThat(injection.restClient).isSameAs(apis.restClient("acme"));
			assertThat(injection.webClient).isSameAs(apis.webClient("acme"));
		});
	}

	@Test
	void restClientBeansAreAbsentWithoutSpringBootRestClientSupport() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasBean("acmeWebClient");
			assertThat(context).doesNotHaveBean("acmeRestClient").doesNotHaveBean("myPartnerRestClient");
		});
	}

	@Test
	void restClientIsBuiltFromSpringBootsBuilderOnFirstUseWithCustomizersInOrder() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		this.contextRunner.withPropertyValues(this.partner.properties("acme", Map.of()))
			.withUserConfiguration(CustomizerConfiguration.class)
			.run((context) -> {
				CustomizerConfiguration customizers = context.getBean(CustomizerConfiguration.class);
				assertThat(customizers.bootCustomizations).as("nothing built before first use").hasValue(0);
				RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
				assertThat(PartnerStub.call(restClient, "/things")).isEqualTo(200);
				assertThat(customizers.bootCustomizations).hasValue(1);
				assertThat(customizers.calls).containsExactly("first:acme", "second:acme");
				assertThat(this.partner.apiRequests()).singleElement().satisfies((request) -> {
					assertThat(request.getHeader("X-Boot")).isEqualTo("applied");
					assertThat(request.getHeaders().getHeader("X-Partner").values()).containsExactly("first:acme",
							"second:acme");
					assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1");
				});
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class InjectionConfiguration {

		@Bean
		RestClient applicationClient() {
			return RestClient.create();
		}

		@Bean
		UnqualifiedInjection unqualifiedInjection(RestClient client) {
			return new UnqualifiedInjection(client);
		}

		@Bean
		QualifiedInjection qualifiedInjection(@Qualifier("acme") RestClient acme,
				@Qualifier("my-partner") RestClient myPartner) {
			return new QualifiedInjection(acme, myPartner);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SideBySideInjectionConfiguration {

		@Bean
		SideBySideInjection sideBySideInjection(@Qualifier("acme") RestClient restClient,
				@Qualifier("acme") WebClient webClient) {
			return new SideBySideInjection(restClient, webClient);
		}

	}

	record SideBySideInjection(RestClient restClient, WebClient webClient) {
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final AtomicInteger bootCustomizations = new AtomicInteger();

		final List<String> calls = new ArrayList<>();

		@Bean
		RestClientCustomizer bootCustomizer() {
			return (builder) -> {
				this.bootCustomizations.incrementAndGet();
				builder.defaultHeader("X-Boot", "applied");
			};
		}

		@Bean
		@Order(2)
		PartnerRestClientCustomizer second() {
			return (name, builder) -> customize("second:" + name, builder);
		}

		@Bean
		@Order(1)
		PartnerRestClientCustomizer first() {
			return (name, builder) -> customize("first:" + name, builder);
		}

		private void customize(String call, RestClient.Builder builder) {
			this.calls.add(call);
			builder.defaultHeaders((headers) -> headers.add("X-Partner", call));
		}

	}

}
