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

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApiException;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertySource;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link PartnerApisAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerApisAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = PartnerContexts.runner()
		.withPropertyValues(partner("acme"))
		.withPropertyValues(partner("my-partner"));

	@Test
	void applicationBeansWithPlainPartnerNamesDoNotClashWithTheStartersOwn() {
		this.contextRunner.withBean("partnerWebClients", String.class, () -> "mine")
			.withBean("partnerRestClients", String.class, () -> "mine")
			.withBean("partnerApiFactory", String.class, () -> "mine")
			.withBean("partnerClientAuthentication", String.class, () -> "mine")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PartnerApis.class).getNames()).containsExactly("acme", "my-partner");
				assertThat(context.getBean("partnerWebClients")).isEqualTo("mine");
			});
	}

	@Test
	void userDefinedPartnerApisBacksOffTheRegistry() {
		PartnerApis own = new PartnerApis(List.of());
		this.contextRunner.withBean(PartnerApis.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PartnerApis.class);
			assertThat(context.getBean(PartnerApis.class)).isSameAs(own);
		});
	}

	@Test
	void perPartnerBeansComeFromTheApplicationsOwnPartnerApisWhateverItsName() {
		WebClient webClient = WebClient.create();
		RestClient restClient = RestClient.create();
		PartnerApi acme = mock(PartnerApi.class);
		given(acme.getName()).willReturn("acme");
		given(acme.getWebClient()).willReturn(webClient);
		given(acme.getRestClient()).willReturn(restClient);
		this.contextRunner
			.withPropertyValues("partner.apis.acme.client-id=id", "partner.apis.acme.client-secret=secret",
					"partner.apis.acme.token-uri=https://auth.acme.example/token",
					"partner.apis.acme.base-url=https://api.acme.example")
			.withBean("myPartnerApis", PartnerApis.class, () -> new PartnerApis(List.of(acme)))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PartnerApis.class).doesNotHaveBean("partnerApis");
				assertThat(context.getBean("acmeWebClient")).isSameAs(webClient);
				assertThat(context.getBean("acmeRestClient")).isSameAs(restClient);
			});
	}

	@Test
	void presetsInForceShowAsTheLowestPropertySource() {
		this.contextRunner.withPropertyValues("partner.apis.buoy.client-id=id", "partner.apis.buoy.client-secret=s")
			.run((context) -> {
				PropertySource<?> last = context.getEnvironment()
					.getPropertySources()
					.stream()
					.reduce((first, second) -> second)
					.orElseThrow();
				assertThat(last.getName()).isEqualTo("partnerApisProviderPresets");
				assertThat(last.getProperty("partner.apis.buoy.token-uri"))
					.isEqualTo("https://auth.buoyhealth.com/oauth/token");
				assertThat(last.getProperty("partner.apis.acme.provider")).isEqualTo("generic");
				assertThat(context.getBean(PartnerApisProperties.class).getApis().get("buoy").getTokenUri())
					.isEqualTo("https://auth.buoyhealth.com/oauth/token");
			});
	}

	@Test
	void noPartnersGiveAnEmptyRegistryAndNoWebClients() {
		PartnerContexts.runner().run((context) -> {
			assertThat(context).hasSingleBean(PartnerApis.class);
			assertThat(context.getBean(PartnerApis.class).getNames()).isEmpty();
			assertThat(context).doesNotHaveBean(WebClient.class);
		});
	}

	@Test
	void backsOffWithoutSpringSecurityOAuth2Client() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ClientRegistration.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(PartnerApis.class);
			assertThat(context).doesNotHaveBean("acmeWebClient");
		});
	}

	@Test
	void backsOffWithoutWebClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PartnerApis.class));
	}

	@Test
	void publishesNoSpringSecurityBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ReactiveClientRegistrationRepository.class);
			assertThat(context).doesNotHaveBean(ReactiveOAuth2AuthorizedClientService.class);
			assertThat(context).doesNotHaveBean(ReactiveOAuth2AuthorizedClientManager.class);
		});
	}

	@Test
	void applicationOAuth2ClientRegistrationsKeepTheirOwnBeans() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ReactiveOAuth2ClientAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.client.registration.login.client-id=login-client",
					"spring.security.oauth2.client.registration.login.client-secret=login-secret",
					"spring.security.oauth2.client.registration.login.authorization-grant-type=client_credentials",
					"spring.security.oauth2.client.provider.login.token-uri=https://login.example/token")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReactiveClientRegistrationRepository.class);
				assertThat(context).hasSingleBean(ReactiveOAuth2AuthorizedClientService.class);
				ReactiveClientRegistrationRepository repository = context
					.getBean(ReactiveClientRegistrationRepository.class);
				assertThat(repository.findByRegistrationId("login").block()).isNotNull();
				assertThat(repository.findByRegistrationId("acme").block()).isNull();
				assertThat(context.getBean(PartnerApis.class).getNames()).containsExactly("acme", "my-partner");
			});
	}

	@Test
	void customizersAreCalledForEachPartnerInOrder() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			List<String> calls = context.getBean(CustomizerConfiguration.class).calls;
			assertThat(calls).containsExactly("first:acme", "second:acme", "first:my-partner", "second:my-partner");
		});
	}

	@Test
	void unknownPartnerNameSaysWhichExist() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(PartnerApiException.class)
			.isThrownBy(() -> context.getBean(PartnerApis.class).webClient("acem"))
			.withMessageContaining("'acem'")
			.withMessageContaining("acme, my-partner")
			.withMessageContaining("partner.apis.acem"));
	}

	private static String[] partner(String name) {
		String prefix = "partner.apis." + name + ".";
		return new String[] { prefix + "client-id=id-" + name, prefix + "client-secret=secret-" + name,
				prefix + "token-uri=https://auth." + name + ".example/token",
				prefix + "base-url=https://api." + name + ".example" };
	}

	@Test
	@SuppressWarnings("removal")
	void deprecatedAuthorizedClientServiceFactoryStillStoresTokensAndWarnsAtStartUp(CapturedOutput output) {
		InMemoryReactiveOAuth2AuthorizedClientService[] created = new InMemoryReactiveOAuth2AuthorizedClientService[1];
		this.contextRunner
			.withBean(io.partnerapis.PartnerAuthorizedClientServiceFactory.class, () -> (registrations) -> {
				created[0] = new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
				return created[0];
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PartnerTokenStore.class))
					.isInstanceOf(AuthorizedClientServiceTokenStore.class);
				assertThat(created[0]).isNotNull();
				assertThat(output).contains("A PartnerAuthorizedClientServiceFactory bean is deprecated for removal")
					.contains("declare a PartnerTokenStore bean instead");
			});
	}

	@Test
	void noDeprecationWarningWithoutAnAuthorizedClientServiceFactory(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(PartnerTokenStore.class))
				.isNotInstanceOf(AuthorizedClientServiceTokenStore.class);
			assertThat(output).doesNotContain("PartnerAuthorizedClientServiceFactory");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		PartnerWebClientCustomizer second() {
			return (partner, builder) -> this.calls.add("second:" + partner);
		}

		@Bean
		@Order(1)
		PartnerWebClientCustomizer first() {
			return (partner, builder) -> this.calls.add("first:" + partner);
		}

	}

}
