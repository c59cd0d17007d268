package io.partnerapis.autoconfigure;

import java.util.Set;

import io.partnerapis.PartnerApis;
import io.partnerapis.provider.ProviderPresets;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Applies the provider presets of the configured partners (see
 * {@link ProviderPresetsPropertySource}) and registers one {@link WebClient} bean per
 * configured partner, named
 * {@code <name>WebClient} in lower camel case and qualified with the partner's name. The
 * beans are not default candidates, so they never make an unqualified {@code WebClient}
 * injection point ambiguous, and an existing bean definition of the same name is left as
 * it is. They are lazy views onto the {@link PartnerApis} bean, which is built, and
 * validated, eagerly.
 *
 * @author partner-apis
 */
class PartnerWebClientRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private static final String SUFFIX = "WebClient";

	@SuppressWarnings("NullAway.Init")
	private Environment environment;

	@SuppressWarnings("NullAway.Init")
	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		Set<String> names = (this.environment instanceof ConfigurableEnvironment configurable)
				? ProviderPresetsPropertySource.apply(configurable, ProviderPresets.load()).keySet()
				: ProviderPresetsPropertySource.bindConfigured(this.environment).keySet();
		for (String name : names) {
			String beanName = beanName(name);
			if (!registry.containsBeanDefinition(beanName)) {
				RootBeanDefinition definition = new RootBeanDefinition(WebClient.class);
				definition.setInstanceSupplier(() -> this.beanFactory.getBean(PartnerApis.class).webClient(name));
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
		StringBuilder name = new StringBuilder();
		for (String part : partner.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				name.append(name.isEmpty() ? StringUtils.uncapitalize(part) : StringUtils.capitalize(part));
			}
		}
		return name + SUFFIX;
	}

}
