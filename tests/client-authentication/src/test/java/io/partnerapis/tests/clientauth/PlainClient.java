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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.json.JsonParserFactory;

/**
 * A JDK HTTP client, with or without a client certificate, that trusts the test CA: calls
 * the server by hand, without the starter.
 */
final class PlainClient {

	private final HttpClient client;

	private PlainClient(SSLContext sslContext) {
		this.client = HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(30)).build();
	}

	/**
	 * A client that presents one of the test certificates.
	 * @param pki the material
	 * @param alias {@code tls-client}, {@code other-client} or
	 * {@code self-signed-client}, or {@code null} for no certificate
	 * @return the client
	 * @throws Exception on failure
	 */
	static PlainClient withCertificate(TestPki pki, String alias) throws Exception {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("ca", pki.ca());
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trustStore);
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		if (alias != null) {
			keys.init(pki.clientKeyStore(alias), TestPki.PASSWORD.toCharArray());
		}
		else {
			KeyStore empty = KeyStore.getInstance("PKCS12");
			empty.load(null, null);
			keys.init(empty, new char[0]);
		}
		SSLContext sslContext = SSLContext.getInstance("TLS");
		sslContext.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
		return new PlainClient(sslContext);
	}

	/**
	 * A {@code client_credentials} token request that authenticates with the connection's
	 * certificate only.
	 * @param tokenUri the token endpoint
	 * @param clientId the client
	 * @return the response
	 * @throws Exception on failure
	 */
	HttpResponse<String> requestToken(String tokenUri, String clientId) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&scope=" + "api" + "&client_id=" + clientId))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	String accessToken(String tokenUri, String clientId) throws Exception {
		HttpResponse<String> response = requestToken(tokenUri, clientId);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
		}
		Map<String, Object> body = JsonParserFactory.getJsonParser().parseMap(response.body());
		return (String) body.get("access_token");
	}

	HttpResponse<String> get(String url, String accessToken) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + accessToken)
			.GET()
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
