package io.partnerapis.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the HTTP service group configurers' beans; the groups themselves are proved
 * over WireMock in {@code io.partnerapis.usecases.HttpServiceGroupsTests}.
 */
class PartnerHttpServiceGroupConfigurerTests {

	private final ApplicationContextRunner contextRunner = PartnerContexts.runner()
		.withPropertyValues("partner.apis.acme.client-id=id", "partner.apis.acme.client-secret=secret",
				"partner.apis.acme.token-uri=https://auth.acme.example/token",
				"partner.apis.acme.base-url=https://api.acme.example");

	@Test
	void configurersOfBothClientTypesAreRegistered() {
		this.contextRunner
			.run((context) -> assertThat(context).hasSingleBean(PartnerRestClientHttpServiceGroupConfigurer.class)
				.hasSingleBean(PartnerWebClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void noConfigurersWithoutHttpServiceGroups() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpServiceGroupConfigurer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PartnerRestClientHttpServiceGroupConfigurer.class)
				.doesNotHaveBean(PartnerWebClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void noWebClientConfigurerWithoutWebClientHttpServiceGroups() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClientHttpServiceGroupConfigurer.class))
			.run((context) -> assertThat(context).hasSingleBean(PartnerRestClientHttpServiceGroupConfigurer.class)
				.doesNotHaveBean(PartnerWebClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void userConfigurerReplacesOurs() {
		Supplier<ClientHttpRequestFactoryBuilder<?>> builder = ClientHttpRequestFactoryBuilder::simple;
		PartnerRestClientHttpServiceGroupConfigurer own = new PartnerRestClientHttpServiceGroupConfigurer(
				new PartnerServiceGroups(() -> new PartnerApis(List.of()), new MockEnvironment(), null, null), builder);
		this.contextRunner.withBean(PartnerRestClientHttpServiceGroupConfigurer.class, () -> own)
			.run((context) -> assertThat(context.getBean(PartnerRestClientHttpServiceGroupConfigurer.class))
				.isSameAs(own));
	}

}
