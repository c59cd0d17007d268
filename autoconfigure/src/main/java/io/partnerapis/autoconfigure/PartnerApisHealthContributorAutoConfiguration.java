package io.partnerapis.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code partnerApis} health contributor: one
 * {@link PartnerApiHealthIndicator} per partner. Needs Spring Boot's
 * {@code spring-boot-health} module, and can be turned off with
 * {@code management.health.partnerapis.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PartnerApisAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.HealthContributor",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(PartnerApis.class)
public final class PartnerApisHealthContributorAutoConfiguration {

	/**
	 * Holds the conditions whose classes come from {@code spring-boot-health}, so that
	 * they are only read once the class-path check above has passed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("partnerapis")
	static class PartnerApisHealthContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "partnerApisHealthIndicator", "partnerApisHealthContributor" })
		HealthContributor partnerApisHealthContributor(PartnerApis partnerApis) {
			Map<String, PartnerApi> byName = new LinkedHashMap<>();
			partnerApis.getAll().forEach((api) -> byName.put(api.getName(), api));
			return CompositeHealthContributor.fromMap(byName, PartnerApiHealthIndicator::new);
		}

	}

}
