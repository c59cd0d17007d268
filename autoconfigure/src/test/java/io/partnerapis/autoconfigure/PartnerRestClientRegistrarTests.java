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

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerRestClientCustomizer;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerRestClientRegistrar} and the partner RestClients it registers.
 */
class PartnerRestClientRegistrarTests {

	private final PartnerStub partner = new PartnerStub();

	private final ApplicationContextRunner contextRunner = PartnerContexts.runner()
		.withPropertyValues(this.partner.properties("acme", Map.of()))
		.withPropertyValues(this.partner.properties("my-partner", Map.of()));

	@AfterEach
	void stop() {
		this.partner.close();
	}

	@Test
	void eachPartnerGetsAQualifiedLazyRestClientBeanThatIsNoDefaultCandidate() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("acmeRestClient").hasBean("myPartnerRestClient");
			assertThat(context.getBean("acmeRestClient"))
				.isSameAs(context.getBean(PartnerApis.class).restClient("acme"));
			BeanDefinition definition = context.getBeanFactory().getBeanDefinition("myPartnerRestClient");
			assertThat(definition.isLazyInit()).isTrue();
			assertThat(definition.getFactoryMethodName()).isEqualTo("restClient");
			assertThat(definition).isInstanceOfSatisfying(AbstractBeanDefinition.class,
					(abstractDefinition) -> assertThat(abstractDefinition.isDefaultCandidate()).isFalse());
		});
	}

	@Test
	void restClientAndWebClientOfAPartnerAreInjectedByQualifierSideBySide() {
		this.contextRunner.withUserConfiguration(QualifiedInjectionConfiguration.class).run((context) -> {
			QualifiedInjection injection = context.getBean(QualifiedInjection.class);
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
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
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

	@Test
	void partnerCallsShowAsSpringBootsHttpClientRequests() {
		this.partner.tokens(5, 3600);
		this.partner.stub(get(urlPathEqualTo("/things")).willReturn(PartnerStub.json("{}")));
		this.contextRunner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, RestClientObservationAutoConfiguration.class))
			.run((context) -> {
				assertThat(PartnerStub.call(context.getBean("acmeRestClient", RestClient.class), "/things"))
					.isEqualTo(200);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(
						registry.get("http.client.requests").tag("uri", "/things").tag("status", "200").timer().count())
					.isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedInjectionConfiguration {

		@Bean
		QualifiedInjection qualifiedInjection(@Qualifier("acme") RestClient restClient,
				@Qualifier("acme") WebClient webClient) {
			return new QualifiedInjection(restClient, webClient);
		}

	}

	record QualifiedInjection(RestClient restClient, WebClient webClient) {
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
