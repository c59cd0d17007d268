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

package io.partnerapis.tests.clientauth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.partnerapis.tests.clientauth.client.PartnerClientApplication;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A client application started with the properties of one partner, played by the test
 * server, and nothing else; its calls go through the starter's
 * {@code @Qualifier("<name>")} WebClient and RestClient.
 */
final class PartnerClient implements AutoCloseable {

	static final String PARTNER = "bank";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final ParameterizedTypeReference<Map<String, Object>> CALLER = new ParameterizedTypeReference<>() {
	};

	private final ConfigurableApplicationContext context;

	private final WebClient webClient;

	private final RestClient restClient;

	private PartnerClient(ConfigurableApplicationContext context) {
		this.context = context;
		this.webClient = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), WebClient.class,
				PARTNER);
		this.restClient = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), RestClient.class,
				PARTNER);
	}

	/**
	 * Start an application with a partner {@value #PARTNER} on the {@code generic}
	 * provider whose token endpoint and API are the test server's, over HTTPS with an SSL
	 * bundle {@value #PARTNER} that trusts the test CA.
	 * @param server the server
	 * @param clientId the client id
	 * @param properties further properties: the client authentication method and its
	 * material, relative to {@code partner.apis.bank.} when they do not start with
	 * {@code spring.}
	 * @return the running client
	 */
	static PartnerClient start(AuthorizationServer server, String clientId, String... properties) {
		String prefix = "partner.apis." + PARTNER + ".";
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", prefix + "provider=generic",
				prefix + "client-id=" + clientId, prefix + "token-uri=" + server.tokenUri(),
				prefix + "base-url=" + server.apiUrl(), prefix + "scopes=api", prefix + "ssl.bundle=" + PARTNER,
				"spring.ssl.bundle.pem." + PARTNER + ".truststore.certificate=" + server.pki().location("ca.pem")));
		for (String property : properties) {
			all.add(property.startsWith("spring.") ? property : prefix + property);
		}
		return new PartnerClient(
				new SpringApplicationBuilder(PartnerClientApplication.class).web(WebApplicationType.NONE)
					.properties(all.toArray(String[]::new))
					.run());
	}

	/**
	 * Make calls through the partner's WebClient all at once, on a cold start when it is
	 * the first thing the application does.
	 * @param calls how many
	 * @return the callers the API saw
	 */
	List<Map<String, Object>> concurrentCallsWithWebClient(int calls) {
		return Flux.range(0, calls)
			.flatMap((call) -> this.webClient.get().uri("/caller").retrieve().bodyToMono(CALLER), calls)
			.collectList()
			.block(TIMEOUT);
	}

	/**
	 * Call {@code GET /api/caller} through the partner's WebClient.
	 * @return the caller the API saw: {@code sub} and, for a certificate-bound token,
	 * {@code x5t#S256}
	 */
	Map<String, Object> callWithWebClient() {
		return this.webClient.get().uri("/caller").retrieve().bodyToMono(CALLER).block(TIMEOUT);
	}

	/**
	 * Call {@code GET /api/caller} through the partner's RestClient.
	 * @return the caller the API saw
	 */
	Map<String, Object> callWithRestClient() {
		return this.restClient.get().uri("/caller").retrieve().body(CALLER);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
