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

package io.partnerapis.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import io.partnerapis.autoconfigure.PartnerApisAutoConfiguration;

import org.springframework.aot.AotDetector;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Start-up probe for AOT mode on the JVM, and the application that the build processes
 * ahead of time ({@code process-aot} in this module's pom): the five partners of the
 * specification with the auto-configurations of {@link BootContexts}, started by
 * {@link SpringApplication} as an application is. Run in a fresh JVM with or without
 * {@code -Dspring.aot.enabled=true}, it prints how long the context's refresh and the
 * whole start took, the JVM's uptime when ready, and the heap in use after full
 * collections.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PartnerApisAutoConfiguration.class, WebClientAutoConfiguration.class,
		ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class })
public class AotStartupApplication {

	protected AotStartupApplication() {
	}

	/**
	 * Starts the application and prints what it measured.
	 * @param args the command-line arguments
	 * @throws InterruptedException if interrupted while waiting for the collector
	 */
	public static void main(String[] args) throws InterruptedException {
		AtomicLong prepared = new AtomicLong();
		AtomicLong refreshed = new AtomicLong();
		SpringApplication application = new SpringApplication(AotStartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(FivePartners.properties());
		application.addListeners((event) -> {
			if (event instanceof ApplicationPreparedEvent) {
				prepared.set(System.nanoTime());
			}
			else if (event instanceof ContextRefreshedEvent) {
				refreshed.set(System.nanoTime());
			}
		});
		long start = System.nanoTime();
		ConfigurableApplicationContext context = application.run(args);
		long ready = System.nanoTime();
		Probes.print("aot", AotDetector.useGeneratedArtifacts());
		Probes.print("refreshMillis", (refreshed.get() - prepared.get()) / 1e6);
		Probes.print("runMillis", (ready - start) / 1e6);
		Probes.print("readyMillis", ManagementFactory.getRuntimeMXBean().getUptime());
		Probes.print("heapBytes", MemoryProbe.retainedHeap());
		context.close();
	}

}
