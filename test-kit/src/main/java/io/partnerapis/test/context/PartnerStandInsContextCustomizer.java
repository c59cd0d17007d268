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

import java.util.Set;
import java.util.TreeSet;

import io.partnerapis.test.PartnerStandIns;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the stand-ins of a test's partners before its context refreshes, adds the
 * property source that points the partners at them ahead of every other, and registers
 * them as the {@link PartnerStandIns} bean, closed with the context.
 */
final class PartnerStandInsContextCustomizer implements ContextCustomizer {

	/**
	 * Name of the property source that points the partners at their stand-ins.
	 */
	static final String PROPERTY_SOURCE_NAME = "partnerStandIns";

	/**
	 * Name of the {@link PartnerStandIns} bean.
	 */
	static final String BEAN_NAME = "partnerStandIns";

	private final Set<String> partners;

	PartnerStandInsContextCustomizer(Set<String> partners) {
		this.partners = new TreeSet<>(partners);
	}

	/**
	 * Starts the stand-ins and points the partners at them. While tests are processed
	 * ahead of time ({@code process-test-aot}) the stand-ins are stopped as soon as their
	 * properties are known: processing needs the partners' names and settings, and a
	 * running server would keep the build's JVM alive.
	 * @param context the test's application context, not yet refreshed
	 * @param mergedConfig the test's merged context configuration
	 */
	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		PartnerStandIns standIns = PartnerStandIns.start(environment, this.partners);
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, standIns.properties()));
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			standIns.close();
			return;
		}
		context.getBeanFactory().registerSingleton(BEAN_NAME, standIns);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				standIns.close();
			}
		});
	}

	/**
	 * Returns whether the other customizer is for the same partner names, so that
	 * Spring's test context cache gives test classes of the same configuration the same
	 * context, and stand-ins.
	 * @param other the other object
	 * @return whether it is a customizer for the same partners
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof PartnerStandInsContextCustomizer customizer
				&& this.partners.equals(customizer.partners));
	}

	@Override
	public int hashCode() {
		return this.partners.hashCode();
	}

}
