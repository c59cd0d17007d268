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

package io.partnerapis.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ClientAssertionKeysAotProcessor}: a client assertion key read from the
 * class path is in the native image, one read from a file needs nothing.
 */
class ClientAssertionKeysAotProcessorTests {

	@Test
	void processorIsListedInAotFactories() {
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class))
			.anyMatch(ClientAssertionKeysAotProcessor.class::isInstance);
	}

	@Test
	void classpathKeysAreIncludedAndFileKeysAreNot() {
		RuntimeHints hints = process(new MockEnvironment()
			.withProperty("partner.apis.ledger.client-assertion.key", "classpath:keys/ledger.pem")
			.withProperty("partner.apis.vault.client-assertion.key", "classpath:/keys/vault.json")
			.withProperty("partner.apis.bank.client-assertion.key", "file:/etc/keys/bank.pem")
			.withProperty("partner.apis.acme.client-id", "acme"));
		assertThat(RuntimeHintsPredicates.resource().forResource("keys/ledger.pem")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("keys/vault.json")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("etc/keys/bank.pem")).rejects(hints);
	}

	@Test
	void partnersWithoutClasspathKeysContributeNothing() {
		DefaultListableBeanFactory beanFactory = beanFactory(
				new MockEnvironment().withProperty("partner.apis.bank.client-assertion.key", "file:/etc/bank.pem"));
		assertThat(new ClientAssertionKeysAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

	private static RuntimeHints process(MockEnvironment environment) {
		BeanFactoryInitializationAotContribution contribution = new ClientAssertionKeysAotProcessor()
			.processAheadOfTime(beanFactory(environment));
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Application")), new InMemoryGeneratedFiles());
		contribution.applyTo(generationContext, mock(BeanFactoryInitializationCode.class));
		return generationContext.getRuntimeHints();
	}

	private static DefaultListableBeanFactory beanFactory(MockEnvironment environment) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("environment", environment);
		return beanFactory;
	}

}
