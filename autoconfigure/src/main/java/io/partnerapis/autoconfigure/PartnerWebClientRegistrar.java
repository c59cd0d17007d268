package io.partnerapis.autoconfigure;

import io.partnerapis.PartnerApis;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Registers one {@link WebClient} bean per configured partner, named
 * {@code <name>WebClient} in lower camel case and qualified with the partner's name. The
 * beans are not default candidates, so they never make an unqualified {@code WebClient}
 * injection point ambiguous, and an existing bean definition of the same name is left as
 * it is. Each is made by the factory method {@link PartnerApis#webClient(String)} of the
 * {@value #PARTNER_APIS_BEAN} bean, which is built, and validated, eagerly; being a
 * factory method with the partner's name as its argument, the definition can be processed
 * ahead of time.
 */
class PartnerWebClientRegistrar implements ImportBeanDefinitionRegistrar {

	static final String PARTNER_APIS_BEAN = "partnerApis";

	private static final String SUFFIX = "WebClient";

	private final Environment environment;

	PartnerWebClientRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		register(this.environment, registry, WebClient.class, "webClient");
	}

	/**
	 * Registers a bean of the given client type per configured partner, made by the given
	 * factory method of {@link PartnerApis} with the partner's name as argument and named
	 * after the partner and the type's simple name.
	 * @param environment the environment the partners are bound from
	 * @param registry the registry to add the definitions to
	 * @param clientType the client type, such as {@code WebClient}
	 * @param factoryMethod the factory method, such as {@code webClient}
	 */
	static void register(Environment environment, BeanDefinitionRegistry registry, Class<?> clientType,
			String factoryMethod) {
		for (String name : ProviderPresetsEnvironmentPostProcessor.bindConfigured(environment).keySet()) {
			String beanName = beanName(name, clientType.getSimpleName());
			if (!registry.containsBeanDefinition(beanName)) {
				RootBeanDefinition definition = new RootBeanDefinition();
				definition.setTargetType(clientType);
				definition.setFactoryBeanName(PARTNER_APIS_BEAN);
				definition.setFactoryMethodName(factoryMethod);
				definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
				definition.setDefaultCandidate(false);
				definition.setLazyInit(true);
				definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
				registry.registerBeanDefinition(beanName, definition);
			}
		}
	}

	/**
	 * Returns the bean name of a partner's WebClient: the name in lower camel case
	 * followed by {@code WebClient}, so {@code my-partner} gives
	 * {@code myPartnerWebClient}.
	 * @param partner the partner's name
	 * @return the bean name
	 */
	static String beanName(String partner) {
		return beanName(partner, SUFFIX);
	}

	private static String beanName(String partner, String suffix) {
		StringBuilder name = new StringBuilder();
		for (String part : partner.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				name.append(name.isEmpty() ? StringUtils.uncapitalize(part) : StringUtils.capitalize(part));
			}
		}
		return name + suffix;
	}

}
