package io.partnerapis.usecases;

import java.time.Duration;

import io.partnerapis.testsupport.PartnerClient;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * {@link AbstractSecretsStaySecretTests} for a partner's WebClient.
 */
class WebClientSecretsStaySecretTests extends AbstractSecretsStaySecretTests {

	WebClientSecretsStaySecretTests() {
		super(PartnerClient.Type.WEB_CLIENT);
	}

	@Override
	Class<?> groupConfiguration() {
		return WebClientGroup.class;
	}

	@Override
	String callGroup(ApplicationContext context) {
		return context.getBean(AcmeApi.class).things().block(Duration.ofSeconds(10));
	}

	interface AcmeApi {

		@GetExchange("/things")
		Mono<String> things();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = AcmeApi.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class WebClientGroup {

	}

}
