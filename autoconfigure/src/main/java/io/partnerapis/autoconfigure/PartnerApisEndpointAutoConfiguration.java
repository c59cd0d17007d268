package io.partnerapis.autoconfigure;

import io.partnerapis.PartnerApis;
import io.partnerapis.actuate.PartnerApisEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code partnerapis} actuator endpoint. Needs Spring Boot
 * Actuator, and like every endpoint is only created once it is exposed, for example with
 * {@code management.endpoints.web.exposure.include=partnerapis}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PartnerApisAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(PartnerApis.class)
public final class PartnerApisEndpointAutoConfiguration {

	/**
	 * Holds the condition whose class comes from
	 * {@code spring-boot-actuator-autoconfigure}, so that it is only read once the
	 * class-path check above has passed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(PartnerApisEndpoint.class)
	static class PartnerApisEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PartnerApisEndpoint partnerApisEndpoint(PartnerApis partnerApis) {
			return new PartnerApisEndpoint(partnerApis);
		}

	}

}
