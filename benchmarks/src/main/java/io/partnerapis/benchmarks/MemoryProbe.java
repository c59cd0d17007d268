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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Memory probe, run in a fresh JVM with the serial collector: measures the heap retained
 * after a full collection before and after configuring N partners, and again after one
 * call through each of them, so each holds a token.
 */
public final class MemoryProbe {

	private MemoryProbe() {
	}

	/**
	 * Configures the partners of one variant and prints the retained heap.
	 * @param args the variant ({@code partner-apis}, {@code stock} or
	 * {@code stock-properties}, followed by {@code +jackson} for a context with Spring
	 * Boot's Jackson support) and the number of partners
	 * @throws InterruptedException if interrupted while waiting for the collector
	 */
	public static void main(String[] args) throws InterruptedException {
		boolean jackson = args[0].endsWith(StartupProbe.JACKSON);
		String variant = args[0].replace(StartupProbe.JACKSON, "");
		int count = Integer.parseInt(args[1]);
		try (LoopbackPartner partner = new LoopbackPartner()) {
			long before = retainedHeap();
			ConfigurableApplicationContext context;
			List<WebClient> webClients = new ArrayList<>();
			if (variant.equals("partner-apis")) {
				Map<String, Object> properties = new LinkedHashMap<>();
				for (int i = 0; i < count; i++) {
					properties.putAll(BootContexts.partnerProperties(name(i), partner));
				}
				context = BootContexts.start(true, jackson, properties);
				context.getBean(PartnerApis.class)
					.getAll()
					.stream()
					.map(PartnerApi::getWebClient)
					.forEach(webClients::add);
			}
			else if (variant.equals("stock")) {
				context = BootContexts.start(false, jackson, Map.of());
				List<ClientRegistration> registrations = new ArrayList<>();
				for (int i = 0; i < count; i++) {
					registrations.add(StockWiring.registration(name(i), partner.tokenUri()));
				}
				StockWiring wiring = new StockWiring(registrations, StockWiring.Variant.RECOMMENDED);
				registerWebClients(context, wiring, count, partner, webClients);
			}
			else if (variant.equals("stock-properties")) {
				Map<String, Object> properties = new LinkedHashMap<>();
				for (int i = 0; i < count; i++) {
					properties.putAll(BootContexts.stockProperties(name(i), partner.tokenUri()));
				}
				context = BootContexts.startStockFromProperties(jackson, properties);
				StockWiring wiring = new StockWiring(context.getBean(ReactiveClientRegistrationRepository.class),
						context.getBean(ReactiveOAuth2AuthorizedClientService.class), StockWiring.Variant.RECOMMENDED);
				registerWebClients(context, wiring, count, partner, webClients);
			}
			else {
				throw new IllegalArgumentException("Unknown variant " + variant);
			}
			long configured = retainedHeap();
			for (WebClient webClient : webClients) {
				if (!Load.callNow(webClient)) {
					throw new IllegalStateException("A call failed");
				}
			}
			long called = retainedHeap();
			Probes.print("configuredBytes", configured - before);
			Probes.print("calledBytes", called - before);
			Probes.print("partners", webClients.size());
			context.close();
		}
	}

	/**
	 * Registers one stock WebClient bean per partner, as an application that injects them
	 * declares them (and as part 6's stock contexts do), and collects them.
	 * @param context the refreshed context the beans are added to
	 * @param wiring the stock wiring that builds each WebClient
	 * @param count how many partners
	 * @param partner the server every partner's API is on
	 * @param webClients where the WebClient beans are collected
	 */
	private static void registerWebClients(ConfigurableApplicationContext context, StockWiring wiring, int count,
			LoopbackPartner partner, List<WebClient> webClients) {
		GenericApplicationContext registry = (GenericApplicationContext) context;
		WebClient.Builder builder = context.getBean(WebClient.Builder.class);
		for (int i = 0; i < count; i++) {
			String name = name(i);
			registry.registerBean(name + "WebClient", WebClient.class,
					() -> wiring.webClient(builder.clone(), name, partner.baseUrl()));
			webClients.add(context.getBean(name + "WebClient", WebClient.class));
		}
	}

	private static String name(int i) {
		return String.format(Locale.ROOT, "partner%04d", i);
	}

	static long retainedHeap() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
