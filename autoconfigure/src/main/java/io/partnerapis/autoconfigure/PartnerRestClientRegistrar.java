package io.partnerapis.autoconfigure;

import io.partnerapis.PartnerApis;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.client.RestClient;

/**
 * Registers one {@link RestClient} bean per configured partner, named
 * {@code <name>RestClient} in lower camel case, qualified with the partner's name, not a
 * default candidate and lazy, exactly as {@link PartnerWebClientRegistrar} registers the
 * WebClients. Each is made by the factory method {@link PartnerApis#restClient(String)},
 * so the definitions can be processed ahead of time.
 */
class PartnerRestClientRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	PartnerRestClientRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		PartnerWebClientRegistrar.register(this.environment, registry, RestClient.class, "restClient");
	}

}
