package io.partnerapis.test.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Keeps only the components a {@link PartnerApiTest @PartnerApiTest} names, out of those
 * that component scanning finds.
 *
 * @author partner-apis
 */
class PartnerApiTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<PartnerApiTest> {

	private static final Class<?>[] NO_COMPONENTS = {};

	private final Class<?>[] components;

	PartnerApiTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.components = getAnnotation().getValue("components", Class[].class).orElse(NO_COMPONENTS);
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return new LinkedHashSet<>(Arrays.asList(this.components));
	}

}
