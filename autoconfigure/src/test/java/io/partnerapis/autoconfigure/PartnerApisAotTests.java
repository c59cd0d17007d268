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

import java.io.IOException;
import java.util.Map;

import io.partnerapis.PartnerApis;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing of an application with partners: the per-partner beans are
 * generated as calls of a static factory method with the partner's name and the
 * {@link PartnerApis} bean, the starter's hints come with them, and partners that only
 * the run-time environment configures work through the registry.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerApisAotTests {

	private static final String NO_BEAN_WARNING = "have no qualified WebClient bean";

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void perPartnerWebClientsAreGeneratedAsFactoryMethodCallsWithThePartnersName() throws IOException {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		process(files, "acme", "my-partner");
		String definitions = files.getGeneratedFileContent(Kind.SOURCE,
				"io/partnerapis/autoconfigure/PartnerWebClientRegistrar__BeanDefinitions.java");
		assertThat(definitions)
			.contains(
					"forFactoryMethod(PartnerWebClientRegistrar.class, \"webClient\", String.class, PartnerApis.class)")
			.contains("PartnerWebClientRegistrar.webClient(args.get(0), args.get(1))")
			.contains("getAcmeWebClientBeanDefinition()")
			.contains("getMyPartnerWebClientBeanDefinition()")
			.contains("addIndexedArgumentValue(0, \"my-partner\")")
			.contains(
					"new AutowireCandidateQualifier(\"org.springframework.beans.factory.annotation.Qualifier\", \"acme\")")
			.contains("setDefaultCandidate(false)");
	}

	@Test
	void processedApplicationCarriesTheStartersRuntimeHints() {
		DefaultGenerationContext generationContext = process(new InMemoryGeneratedFiles(), "acme");
		assertThat(RuntimeHintsPredicates.resource().forResource(ProviderPresets.LOCATION))
			.accepts(generationContext.getRuntimeHints());
	}

	@Test
	void partnerConfiguredAfterTheBeansWereFixedIsServedByTheRegistryAndNamedInAWarning(CapturedOutput output) {
		this.partner.tokens(5, 3600);
		this.partner.apiAnswers("/things", "token-1", 200);
		PartnerContexts.runner()
			.withPropertyValues(this.partner.properties("acme", Map.of()))
			.withInitializer((context) -> context.addBeanFactoryPostProcessor((beanFactory) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("runTimeOnly", runTimeOnly("globex")))))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("acmeWebClient").doesNotHaveBean("globexWebClient");
				PartnerApis apis = context.getBean(PartnerApis.class);
				assertThat(apis.getNames()).containsExactlyInAnyOrder("acme", "globex");
				assertThat(PartnerStub.call(apis.webClient("globex"), "/things")).isEqualTo(200);
				assertThat(this.partner.tokenRequestsReceived()).singleElement()
					.satisfies((request) -> assertThat(request.getBodyAsString()).contains("client_id=client-globex"));
				assertThat(this.partner.apiRequests()).singleElement()
					.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
			});
		assertThat(output).contains("Partner APIs [globex] " + NO_BEAN_WARNING + " (such as 'globexWebClient')")
			.contains("PartnerApis.webClient(name)");
	}

	@Test
	void partnersKnownWhenTheBeansWereRegisteredGetNoWarning(CapturedOutput output) {
		this.partner.contextRunner("acme")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("acmeWebClient"));
		assertThat(output).doesNotContain(NO_BEAN_WARNING);
	}

	private Map<String, Object> runTimeOnly(String name) {
		String prefix = "partner.apis." + name + ".";
		return Map.of(prefix + "client-id", "client-" + name, prefix + "client-secret", "secret-" + name,
				prefix + "token-uri", this.partner.tokenUri(), prefix + "base-url", this.partner.baseUrl(),
				prefix + "client-authentication-method", "client_secret_post");
	}

	/**
	 * Processes an application with the given partners ahead of time, as
	 * {@code spring-boot:process-aot} does, with build-time URLs that the run time would
	 * replace.
	 */
	private static DefaultGenerationContext process(InMemoryGeneratedFiles files, String... partners) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			for (String name : partners) {
				TestPropertyValues
					.of("partner.apis." + name + ".token-uri=https://build.example/token",
							"partner.apis." + name + ".base-url=https://build.example")
					.applyTo(context);
			}
			ProviderPresetsEnvironmentPostProcessor.applyTo(context.getEnvironment());
			context.register(Application.class);
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(Application.class)), files);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			generationContext.writeGeneratedContent();
			return generationContext;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PartnerApisAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class })
	static class Application {

	}

}
