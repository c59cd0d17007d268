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
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

/**
 * Registers one client bean per configured partner, named after the partner in lower
 * camel case followed by the client type's simple name, so {@code my-partner} gives
 * {@code myPartnerWebClient}, and qualified with the partner's name. The beans are not
 * default candidates, so they never make an unqualified injection point ambiguous, they
 * are lazy, and an existing bean definition of the same name is left as it is. Each is
 * made by the subclass's static factory method from the partner's name and the
 * {@link PartnerApis} bean, found by type whatever its name; being a factory method with
 * the partner's name as its argument, the definition can be processed ahead of time.
 */
abstract class PartnerClientRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	private final Class<?> clientType;

	/**
	 * The client type as every definition's target type, made once: a definition keeps
	 * the instance it is given, and its merged copy shares it.
	 */
	private final ResolvableType targetType;

	private final String factoryMethod;

	/**
	 * Creates a new registrar.
	 * @param environment the environment the partners are bound from
	 * @param clientType the client type, such as {@code WebClient}
	 * @param factoryMethod the subclass's static factory method, such as
	 * {@code webClient}, taking the partner's name and the {@link PartnerApis}
	 */
	PartnerClientRegistrar(Environment environment, Class<?> clientType, String factoryMethod) {
		this.environment = environment;
		this.clientType = clientType;
		this.targetType = ResolvableType.forClass(clientType);
		this.factoryMethod = factoryMethod;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		for (String name : ProviderPresetsEnvironmentPostProcessor.configuredNames(this.environment)) {
			String beanName = beanName(name, this.clientType);
			if (!registry.containsBeanDefinition(beanName)) {
				RootBeanDefinition definition = new RootBeanDefinition(getClass());
				definition.setTargetType(this.targetType);
				definition.setFactoryMethodName(this.factoryMethod);
				definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
				definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
				definition.setDefaultCandidate(false);
				definition.setLazyInit(true);
				definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
				registry.registerBeanDefinition(beanName, definition);
			}
		}
	}

	/**
	 * Returns the bean name of a partner's client of the given type.
	 * @param partner the partner's name
	 * @param clientType the client type
	 * @return the bean name
	 */
	static String beanName(String partner, Class<?> clientType) {
		StringBuilder name = new StringBuilder();
		for (String part : partner.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				name.append(name.isEmpty() ? StringUtils.uncapitalize(part) : StringUtils.capitalize(part));
			}
		}
		return name + clientType.getSimpleName();
	}

}
