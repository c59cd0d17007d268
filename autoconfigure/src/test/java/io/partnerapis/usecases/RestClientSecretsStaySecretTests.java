package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * {@link AbstractSecretsStaySecretTests} for a partner's RestClient.
 */
class RestClientSecretsStaySecretTests extends AbstractSecretsStaySecretTests {

	RestClientSecretsStaySecretTests() {
		super(PartnerClient.Type.REST_CLIENT);
	}

	@Override
	Class<?> groupConfiguration() {
		return RestClientGroup.class;
	}

	@Override
	String callGroup(ApplicationContext context) {
		return context.getBean(AcmeApi.class).things();
	}

	interface AcmeApi {

		@GetExchange("/things")
		String things();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = AcmeApi.class)
	static class RestClientGroup {

	}

}
