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
 * WebClients. Each is made by the static factory method
 * {@link #restClient(String, PartnerApis)}, so the definitions can be processed ahead of
 * time.
 */
class PartnerRestClientRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	PartnerRestClientRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		PartnerWebClientRegistrar.register(this.environment, registry, RestClient.class,
				PartnerRestClientRegistrar.class, "restClient");
	}

	/**
	 * Returns a partner's RestClient: the factory method of the per-partner beans.
	 * @param partner the partner's name
	 * @param apis the partners
	 * @return the partner's RestClient
	 */
	static RestClient restClient(String partner, PartnerApis apis) {
		return apis.restClient(partner);
	}

}
