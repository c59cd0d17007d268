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
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up probe, run in a fresh JVM per measurement: starts one application context and
 * prints how long its refresh took, how long the JVM had run when it was ready, and the
 * CPU time it had used by then.
 */
public final class StartupProbe {

	/**
	 * The suffix of a variant whose context has Spring Boot's Jackson support.
	 */
	static final String JACKSON = "+jackson";

	private StartupProbe() {
	}

	/**
	 * Starts the context of one variant.
	 * @param args the variant: {@code none}, {@code partner-apis}, {@code stock} or
	 * {@code stock-properties}, followed by {@code +jackson} for a context with Spring
	 * Boot's Jackson support
	 */
	public static void main(String[] args) {
		String variant = args[0];
		boolean jackson = variant.endsWith(JACKSON);
		long start = System.nanoTime();
		ConfigurableApplicationContext context = switch (variant.replace(JACKSON, "")) {
			case "none" -> BootContexts.start(false, jackson, Map.of());
			case "partner-apis" -> BootContexts.start(true, jackson, FivePartners.properties());
			case "stock" -> BootContexts.start(false, jackson, Map.of(), FivePartners.Stock.class);
			case "stock-properties" -> BootContexts.startStockFromProperties(jackson, FivePartners.stockProperties(),
					FivePartners.StockFromProperties.class);
			default -> throw new IllegalArgumentException("Unknown variant " + variant);
		};
		long refreshed = System.nanoTime();
		Probes.print("refreshMillis", (refreshed - start) / 1e6);
		Probes.print("readyMillis", ManagementFactory.getRuntimeMXBean().getUptime());
		Probes.print("cpuMillis", Load.processCpuNanos() / 1e6);
		Probes.print("beans", context.getBeanDefinitionCount());
		context.close();
	}

}
