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

package io.partnerapis.usecases;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerContexts;
import io.partnerapis.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's SSL bundle authenticates its token requests and its API calls alike with
 * the bundle's client certificate, against a real TLS server on loopback that demands
 * one: with {@code tls-client-auth} the token request carries the client id and nothing
 * secret, as RFC 8705 section 2 says, and a bundle that Spring Boot reloads is used for
 * new connections without a restart.
 */
class MutualTlsTests {

	@TempDir
	static Path directory;

	private HttpsServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger tokens = new AtomicInteger();

	private static Path[] serverCertificate;

	private static Path[] clientOne;

	@BeforeAll
	static void makeCertificates() {
		serverCertificate = TestKeys.selfSignedCertificate(directory, "localhost");
		clientOne = TestKeys.selfSignedCertificate(directory, "client-one");
		TestKeys.selfSignedCertificate(directory, "client-two");
	}

	@BeforeEach
	void startServer() throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(pkcs12("localhost"), "changeit".toCharArray());
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("client-one", pkcs12("client-one").getCertificate("client-one"));
		trusted.setCertificateEntry("client-two", pkcs12("client-two").getCertificate("client-two"));
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
		this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setHttpsConfigurator(new HttpsConfigurator(context) {

			@Override
			public void configure(HttpsParameters params) {
				SSLParameters parameters = context.getDefaultSSLParameters();
				parameters.setNeedClientAuth(true);
				params.setSSLParameters(parameters);
			}

		});
		this.server.createContext("/", (exchange) -> {
			HttpsExchange https = (HttpsExchange) exchange;
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(exchange.getRequestURI().getPath(), clientName(https), body,
					exchange.getRequestHeaders().getFirst("Authorization")));
			String answer = exchange.getRequestURI().getPath().equals("/oauth/token") ? "{\"access_token\":\"token-"
					+ this.tokens.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}" : "{}";
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.getResponseHeaders().set("Connection", "close");
			byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void tlsClientAuthPresentsTheBundlesCertificateToTheTokenEndpointAndTheApi() {
		runner("tls-client-auth").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			for (int i = 0; i < 3; i++) {
				webClient.get().uri("/things").retrieve().toBodilessEntity().block();
				restClient.get().uri("/things").retrieve().toBodilessEntity();
			}
			List<Received> tokenRequests = requestsTo("/oauth/token");
			assertThat(tokenRequests).hasSize(1);
			Received tokenRequest = tokenRequests.get(0);
			assertThat(tokenRequest.client()).isEqualTo("CN=client-one");
			assertThat(tokenRequest.authorization()).isNull();
			assertThat(Forms.parse(tokenRequest.body())).containsEntry("client_id", "client-acme")
				.containsEntry("grant_type", "client_credentials")
				.doesNotContainKeys("client_secret", "client_assertion");
			List<Received> apiRequests = requestsTo("/things");
			assertThat(apiRequests).hasSize(6)
				.allSatisfy((request) -> assertThat(request.client()).isEqualTo("CN=client-one"))
				.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo("Bearer token-1"));
		});
	}

	@Test
	void aReloadedBundleIsUsedForNewConnections() {
		runner("self-signed-tls-client-auth").run((context) -> {
			WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
			RestClient restClient = context.getBean("acmeRestClient", RestClient.class);
			webClient.get().uri("/things").retrieve().toBodilessEntity().block();
			restClient.get().uri("/things").retrieve().toBodilessEntity();
			context.getBean(SslBundleRegistry.class).updateBundle("partner", bundle("client-two"));
			webClient.get().uri("/things").retrieve().toBodilessEntity().block();
			restClient.get().uri("/things").retrieve().toBodilessEntity();
			assertThat(requestsTo("/things")).extracting(Received::client)
				.containsExactly("CN=client-one", "CN=client-one", "CN=client-two", "CN=client-two");
		});
	}

	@Test
	void httpServiceGroupsNamedAfterThePartnerPresentItsCertificate() {
		runner("tls-client-auth")
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class, ReactiveHttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(Groups.class)
			.run((context) -> {
				assertThat(context.getBean(AcmeApi.class).things().getStatusCode().value()).isEqualTo(200);
				assertThat(context.getBean(ReactiveAcmeApi.class).things().block().getStatusCode().value())
					.isEqualTo(200);
				assertThat(requestsTo("/oauth/token")).hasSize(1);
				assertThat(requestsTo("/things")).hasSize(2)
					.allSatisfy((request) -> assertThat(request.client()).isEqualTo("CN=client-one"))
					.allSatisfy((request) -> assertThat(request.authorization()).isEqualTo("Bearer token-1"));
			});
	}

	@Test
	void httpServiceGroupWithAnotherBundleFailsStartUpForACertificateAuthenticatedPartner() {
		String other = "spring.ssl.bundle.pem.other.";
		runner("tls-client-auth")
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class, ReactiveHttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(Groups.class)
			.withPropertyValues(other + "keystore.certificate=" + clientOne[0].toUri(),
					other + "keystore.private-key=" + clientOne[1].toUri(),
					other + "truststore.certificate=" + serverCertificate[0].toUri(),
					"spring.http.serviceclient.acme.ssl.bundle=other")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOfSatisfying(PartnerApiConfigurationException.class,
							(ex) -> assertThat(ex.getProblems()).singleElement().satisfies((problem) -> {
								assertThat(problem.property()).isEqualTo("spring.http.serviceclient.acme.ssl.bundle");
								assertThat(problem.description()).startsWith("is 'other'")
									.contains("'partner.apis.acme.ssl.bundle' (partner)");
								assertThat(problem.action()).contains("set it to 'partner'");
							}));
			});
		assertThat(this.received).isEmpty();
	}

	@Test
	void httpServiceGroupMayNameThePartnersOwnBundle() {
		runner("tls-client-auth")
			.withConfiguration(AutoConfigurations.of(HttpServiceClientPropertiesAutoConfiguration.class,
					HttpServiceClientAutoConfiguration.class, ReactiveHttpServiceClientAutoConfiguration.class))
			.withUserConfiguration(Groups.class)
			.withPropertyValues("spring.http.serviceclient.acme.ssl.bundle=partner")
			.run((context) -> {
				assertThat(context.getBean(AcmeApi.class).things().getStatusCode().value()).isEqualTo(200);
				assertThat(requestsTo("/things")).singleElement()
					.satisfies((request) -> assertThat(request.client()).isEqualTo("CN=client-one"));
			});
	}

	private ApplicationContextRunner runner(String method) {
		String bundle = "spring.ssl.bundle.pem.partner.";
		String base = "https://localhost:" + this.server.getAddress().getPort();
		return PartnerContexts.runner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues(bundle + "keystore.certificate=" + clientOne[0].toUri(),
					bundle + "keystore.private-key=" + clientOne[1].toUri(),
					bundle + "truststore.certificate=" + serverCertificate[0].toUri(),
					"partner.apis.acme.client-id=client-acme", "partner.apis.acme.token-uri=" + base + "/oauth/token",
					"partner.apis.acme.base-url=" + base, "partner.apis.acme.client-authentication-method=" + method,
					"partner.apis.acme.ssl.bundle=partner");
	}

	private SslBundle bundle(String client) {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("server", pkcs12("localhost").getCertificate("localhost"));
			return SslBundle.of(SslStoreBundle.of(pkcs12(client), "changeit", trust));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore pkcs12(String name) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(directory.resolve(name + ".p12"))) {
			store.load(in, "changeit".toCharArray());
		}
		return store;
	}

	private List<Received> requestsTo(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	private static String clientName(HttpsExchange exchange) {
		try {
			return ((X509Certificate) exchange.getSSLSession().getPeerCertificates()[0]).getSubjectX500Principal()
				.getName();
		}
		catch (SSLPeerUnverifiedException ex) {
			return "none";
		}
	}

	interface AcmeApi {

		@GetExchange("/things")
		ResponseEntity<Void> things();

	}

	interface ReactiveAcmeApi {

		@GetExchange("/things")
		Mono<ResponseEntity<Void>> things();

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "acme", types = AcmeApi.class)
	@ImportHttpServices(group = "acme", types = ReactiveAcmeApi.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class Groups {

	}

	private record Received(String path, String client, String body, String authorization) {

	}

}
