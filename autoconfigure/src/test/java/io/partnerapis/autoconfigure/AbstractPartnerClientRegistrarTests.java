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
import io.partnerapis.testsupport.PartnerContexts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for the tests of a {@link PartnerClientRegistrar} and the partner clients it
 * registers as beans, the same for each client type. A subclass names the type, gives a
 * partner's client and one of the application's own, and declares the configurations that
 * inject it: {@link QualifiedInjection} for {@code @Qualifier("acme")} and
 * {@code @Qualifier("my-partner")}, {@link UnqualifiedInjection} for an application
 * client bean named {@code applicationClient} and an injection point without a qualifier.
 *
 * @param <C> the client type
 */
abstract class AbstractPartnerClientRegistrarTests<C> {

	final ApplicationContextRunner contextRunner = PartnerContexts.runner()
		.withPropertyValues(partner("acme"))
		.withPropertyValues(partner("my-partner"));

	private final Class<C> clientType;

	private final Class<?> injection;

	AbstractPartnerClientRegistrarTests(Class<C> clientType, Class<?> injection) {
		this.clientType = clientType;
		this.injection = injection;
	}

	@Test
	void eachPartnerGetsAQualifiedLazyBeanThatIsNoDefaultCandidate() {
		String type = this.clientType.getSimpleName();
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PartnerApis.class);
			PartnerApis apis = context.getBean(PartnerApis.class);
			assertThat(apis.getNames()).containsExactly("acme", "my-partner");
			assertThat(context).hasBean("acme" + type).hasBean("myPartner" + type);
			assertThat(context.getBean("acme" + type)).isSameAs(partnerClient(apis, "acme"));
			BeanDefinition definition = context.getBeanFactory().getBeanDefinition("myPartner" + type);
			assertThat(definition.isLazyInit()).isTrue();
			assertThat(definition.getFactoryMethodName()).isEqualTo(StringUtils.uncapitalize(type));
			assertThat(definition).isInstanceOfSatisfying(AbstractBeanDefinition.class,
					(abstractDefinition) -> assertThat(abstractDefinition.isDefaultCandidate()).isFalse());
		});
	}

	@Test
	void partnerClientsAreInjectedByQualifierBesideAClientOfTheApplication() {
		this.contextRunner.withUserConfiguration(this.injection).run((context) -> {
			QualifiedInjection injection = context.getBean(QualifiedInjection.class);
			PartnerApis apis = context.getBean(PartnerApis.class);
			assertThat(injection.acme()).isSameAs(partnerClient(apis, "acme"));
			assertThat(injection.myPartner()).isSameAs(partnerClient(apis, "my-partner"));
		});
	}

	@Test
	void partnerClientsDoNotMakeAnUnqualifiedClientOfTheApplicationAmbiguous() {
		this.contextRunner.withUserConfiguration(this.injection).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(UnqualifiedInjection.class).client())
				.isSameAs(context.getBean("applicationClient"));
			BeanDefinition definition = context.getBeanFactory()
				.getBeanDefinition("acme" + this.clientType.getSimpleName());
			assertThat(definition).isInstanceOfSatisfying(AbstractBeanDefinition.class,
					(abstractDefinition) -> assertThat(abstractDefinition.isDefaultCandidate()).isFalse());
		});
	}

	@Test
	void existingBeanDefinitionWithTheSameNameIsNotOverwritten() {
		C own = newClient();
		this.contextRunner.withBean("acme" + this.clientType.getSimpleName(), this.clientType, () -> own)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("acme" + this.clientType.getSimpleName())).isSameAs(own)
					.isNotSameAs(partnerClient(context.getBean(PartnerApis.class), "acme"));
			});
	}

	@Test
	void beanNameIsTheLowerCamelPartnerNameWithTheClientType() {
		String type = this.clientType.getSimpleName();
		assertThat(beanName("my-partner")).isEqualTo("myPartner" + type);
		assertThat(beanName("acme")).isEqualTo("acme" + type);
		assertThat(beanName("big_partner.eu")).isEqualTo("bigPartnerEu" + type);
	}

	/**
	 * Returns a partner's client from the registry.
	 * @param apis the registry
	 * @param partner the partner's name
	 * @return the client
	 */
	abstract C partnerClient(PartnerApis apis, String partner);

	/**
	 * Returns a new client that no partner uses.
	 * @return the client
	 */
	abstract C newClient();

	/**
	 * Returns the name of a partner's client bean, as the registrar gives it.
	 * @param partner the partner's name
	 * @return the bean name
	 */
	abstract String beanName(String partner);

	private static String[] partner(String name) {
		String prefix = "partner.apis." + name + ".";
		return new String[] { prefix + "client-id=id-" + name, prefix + "client-secret=secret-" + name,
				prefix + "token-uri=https://auth." + name + ".example/token",
				prefix + "base-url=https://api." + name + ".example" };
	}

	/**
	 * The partner clients a subclass's configuration injects by qualifier.
	 *
	 * @param acme the client injected with {@code @Qualifier("acme")}
	 * @param myPartner the client injected with {@code @Qualifier("my-partner")}
	 */
	record QualifiedInjection(Object acme, Object myPartner) {
	}

	/**
	 * The client a subclass's configuration injects without a qualifier.
	 *
	 * @param client the client
	 */
	record UnqualifiedInjection(Object client) {
	}

}
