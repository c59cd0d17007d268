/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
