package io.partnerapis.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.partnerapis.PartnerApis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of partner-apis metrics: a {@link PartnerApisMeterBinder} that
 * Spring Boot binds to every {@link MeterRegistry}. Backs off when Micrometer is not on
 * the class path, the application has no meter registry, or it declares a bean named
 * {@code partnerApisMeterBinder}, which replaces this one.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PartnerApisAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean({ MeterRegistry.class, PartnerApis.class })
public final class PartnerApisMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "partnerApisMeterBinder")
	PartnerApisMeterBinder partnerApisMeterBinder(PartnerApis partnerApis) {
		return new PartnerApisMeterBinder(partnerApis);
	}

}
