package io.partnerapis.test.context;

import java.util.List;
import java.util.Set;

import io.partnerapis.test.AutoConfigurePartnerStandIns;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates a {@link PartnerStandInsContextCustomizer} for test classes annotated, directly
 * or through a slice such as {@code @PartnerApiTest}, with
 * {@link AutoConfigurePartnerStandIns @AutoConfigurePartnerStandIns}. Registered in
 * {@code META-INF/spring.factories}.
 *
 * @author partner-apis
 */
class PartnerStandInsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigurePartnerStandIns annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigurePartnerStandIns.class);
		return (annotation != null) ? new PartnerStandInsContextCustomizer(Set.of(annotation.value())) : null;
	}

}
