package io.partnerapis.autoconfigure;

import java.util.List;

import io.partnerapis.PartnerApis;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
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
 * it is. Each is made by the static factory method
 * {@link #webClient(String, PartnerApis)} from the partner's name and the
 * {@link PartnerApis} bean, found by type, whatever its name (the application may declare
 * its own), which is built, and validated, eagerly; being a factory method with the
 * partner's name as its argument, the definition can be processed ahead of time.
 */
class PartnerWebClientRegistrar implements ImportBeanDefinitionRegistrar {

	private static final Log logger = LogFactory.getLog(PartnerWebClientRegistrar.class);

	private static final String SUFFIX = "WebClient";

	private final Environment environment;

	PartnerWebClientRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		register(this.environment, registry, WebClient.class, PartnerWebClientRegistrar.class, "webClient");
	}

	/**
	 * Returns a partner's WebClient: the factory method of the per-partner beans.
	 * @param partner the partner's name
	 * @param apis the partners
	 * @return the partner's WebClient
	 */
	static WebClient webClient(String partner, PartnerApis apis) {
		return apis.webClient(partner);
	}

	/**
	 * Registers a bean of the given client type per configured partner, named after the
	 * partner and the type's simple name, and made by the given static factory method
	 * from the partner's name and the {@link PartnerApis} bean, which is autowired.
	 * @param environment the environment the partners are bound from
	 * @param registry the registry to add the definitions to
	 * @param clientType the client type, such as {@code WebClient}
	 * @param factoryClass the class that declares the factory method
	 * @param factoryMethod the static factory method, such as {@code webClient}
	 */
	static void register(Environment environment, BeanDefinitionRegistry registry, Class<?> clientType,
			Class<?> factoryClass, String factoryMethod) {
		for (String name : ProviderPresetsEnvironmentPostProcessor.configuredNames(environment)) {
			String beanName = beanName(name, clientType.getSimpleName());
			if (!registry.containsBeanDefinition(beanName)) {
				RootBeanDefinition definition = new RootBeanDefinition(factoryClass);
				definition.setTargetType(clientType);
				definition.setFactoryMethodName(factoryMethod);
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
	 * Logs a warning naming the partners that have no WebClient bean. That happens only
	 * in an application processed ahead of time, whose bean definitions are fixed when it
	 * is processed, for partners configured at run time alone: they work through
	 * {@link PartnerApis#webClient(String)}, but cannot be injected by qualifier.
	 * @param apis the configured partners
	 * @param beanFactory the bean factory
	 */
	static void warnAboutPartnersWithoutBean(PartnerApis apis, BeanFactory beanFactory) {
		List<String> withoutBean = apis.getNames()
			.stream()
			.filter((name) -> !beanFactory.containsBean(beanName(name)))
			.toList();
		if (!withoutBean.isEmpty() && logger.isWarnEnabled()) {
			logger.warn("Partner APIs " + withoutBean + " have no qualified WebClient bean (such as '"
					+ beanName(withoutBean.get(0)) + "'): they are configured at run time but were not when the "
					+ "application was processed ahead of time, which fixes its beans. PartnerApis.webClient(name) "
					+ "serves them; to inject them with @Qualifier, configure them when running process-aot too.");
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
