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

package io.partnerapis.token;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerProvider;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.RequestFormat;
import io.partnerapis.testsupport.Forms;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PartnerTokenResponseClient}, against a token endpoint on loopback.
 */
class PartnerTokenResponseClientTests {

	private static final String SECRET = "Sup3r-S3cret:with/odd=chars";

	private static final Duration BLOCK = Duration.ofSeconds(20);

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void formRequestWithBasicCredentialsCarriesGrantScopeAndAudience() {
		this.partner.tokens(1, 3600);
		OAuth2AccessTokenResponse response = fetch(client(RequestFormat.FORM, false, Map.of("audience", "things-api")),
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("token-1");
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
		assertThat(basicCredentials(request)).isEqualTo("client-acme:" + SECRET);
		assertThat(Forms.parse(request.getBodyAsString())).containsEntry("grant_type", "client_credentials")
			.containsEntry("scope", "things:read things:write")
			.containsEntry("audience", "things-api")
			.doesNotContainKeys("client_id", "client_secret");
	}

	@Test
	void basicCredentialsAreUrlEncodedWhenThePartnerAsksForIt() {
		this.partner.tokens(1, 3600);
		fetch(client(RequestFormat.FORM, true, Map.of()), ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(basicCredentials(onlyRequest())).isEqualTo("client-acme:Sup3r-S3cret%3Awith%2Fodd%3Dchars");
	}

	@Test
	void formRequestWithPostedCredentialsCarriesThemInTheBody() {
		this.partner.tokens(1, 3600);
		fetch(client(RequestFormat.FORM, false, Map.of()), ClientAuthenticationMethod.CLIENT_SECRET_POST);
		LoggedRequest request = onlyRequest();
		assertThat(request.containsHeader("Authorization")).isFalse();
		assertThat(Forms.parse(request.getBodyAsString())).containsEntry("grant_type", "client_credentials")
			.containsEntry("client_id", "client-acme")
			.containsEntry("client_secret", SECRET);
	}

	@Test
	void jsonRequestCarriesTheSameParametersAsAJsonObject() {
		this.partner.tokens(1, 3600);
		fetch(client(RequestFormat.JSON, false, Map.of("audience", "things-api")),
				ClientAuthenticationMethod.CLIENT_SECRET_POST);
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(JsonParserFactory.getJsonParser().parseMap(request.getBodyAsString()))
			.containsEntry("grant_type", "client_credentials")
			.containsEntry("scope", "things:read things:write")
			.containsEntry("audience", "things-api")
			.containsEntry("client_id", "client-acme")
			.containsEntry("client_secret", SECRET);
	}

	@Test
	void jsonRequestWithBasicCredentialsKeepsThemInTheHeader() {
		this.partner.tokens(1, 3600);
		fetch(client(RequestFormat.JSON, false, Map.of()), ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		LoggedRequest request = onlyRequest();
		assertThat(basicCredentials(request)).isEqualTo("client-acme:" + SECRET);
		assertThat(JsonParserFactory.getJsonParser().parseMap(request.getBodyAsString()))
			.containsEntry("grant_type", "client_credentials")
			.doesNotContainKeys("client_id", "client_secret");
	}

	@Test
	void clientErrorIsNotRetriedAndIsReportedNamingThePartnerWithoutTheEchoedSecret() {
		this.partner.tokenEndpointFails(401,
				"{\"error\":\"invalid_client\",\"error_description\":\"secret " + SECRET + " is wrong\"}");
		PartnerTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> client = client(RequestFormat.FORM, false,
				Map.of());
		PartnerTokenException failure = assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> fetch(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC))
			.actual();
		assertThat(failure.getPartner()).isEqualTo("acme");
		assertThat(failure.getStatus()).isEqualTo(401);
		assertThat(failure.isTransient()).isFalse();
		assertThat(failure.getError().getErrorCode()).isEqualTo("invalid_client");
		assertThat(failure.getMessage()).contains("partner 'acme'", "HTTP 401", "invalid_client")
			.doesNotContain(SECRET);
		assertThat(String.valueOf(failure.getError())).doesNotContain(SECRET);
		assertThat(this.partner.tokenRequests()).as("a 4xx answer is final").isEqualTo(1);
	}

	@Test
	void serverErrorIsRetriedAndThenReportedWithItsStatus() {
		this.partner.tokenEndpointFails(503, "{\"error\":\"temporarily_unavailable\"}");
		PartnerTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> client = client(RequestFormat.FORM, false,
				Map.of());
		PartnerTokenException failure = assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> fetch(client, ClientAuthenticationMethod.CLIENT_SECRET_BASIC))
			.actual();
		assertThat(failure.getStatus()).isEqualTo(503);
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getError().getErrorCode()).isEqualTo("temporarily_unavailable");
		assertThat(failure.getMessage()).contains("partner 'acme'", "HTTP 503");
		assertThat(this.partner.tokenRequests()).as("the first request and its one retry").isEqualTo(2);
	}

	@Test
	void errorWithoutAnOAuthBodyIsNamedAfterItsStatus() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH)).willReturn(aResponse().withStatus(403)));
		PartnerTokenException failure = assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> fetch(client(RequestFormat.FORM, false, Map.of()),
					ClientAuthenticationMethod.CLIENT_SECRET_BASIC))
			.actual();
		assertThat(failure.getError().getErrorCode()).isEqualTo("http_403");
		assertThat(failure.getMessage()).contains("partner 'acme'", "HTTP 403", "the body was empty");
	}

	@Test
	void endpointThatCannotBeReachedIsReportedWithItsAddressWithoutQuery() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String tokenUri = "http://127.0.0.1:" + closedPort + "/oauth/token?key=query-secret";
		PartnerTokenException failure = assertThatExceptionOfType(PartnerTokenException.class)
			.isThrownBy(() -> fetch(client(RequestFormat.FORM, false, Map.of()),
					registration(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, tokenUri)))
			.actual();
		assertThat(failure.getError().getErrorCode()).isEqualTo(PartnerTokenException.TOKEN_ENDPOINT_UNREACHABLE);
		assertThat(failure.isTransient()).isTrue();
		assertThat(failure.getMessage()).contains("partner 'acme'", "http://127.0.0.1:" + closedPort + "/oauth/token")
			.doesNotContain("query-secret", SECRET);
	}

	/**
	 * Creates the client under test, as the token handling of partner {@code acme}
	 * creates it, with one retry 10 ms after a transient failure.
	 */
	private PartnerTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> client(RequestFormat format,
			boolean encodeClientCredentials, Map<String, String> parameters) {
		TokenEndpoint endpoint = new TokenEndpoint("acme", PartnerProvider.GENERIC,
				new TokenEndpoint.Request(format, Map.of(), parameters, null, encodeClientCredentials),
				new TokenEndpoint.Response(List.of(), Duration.ofHours(1)),
				new TokenEndpoint.Retries(Duration.ofSeconds(5), 1, Duration.ofMillis(10)));
		return new PartnerTokenResponseClient<>(WebClient.create(), endpoint,
				registration(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, this.partner.tokenUri()),
				ObservationRegistry.NOOP, null, null);
	}

	private OAuth2AccessTokenResponse fetch(PartnerTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> client,
			ClientAuthenticationMethod method) {
		return fetch(client, registration(method, this.partner.tokenUri()));
	}

	private static OAuth2AccessTokenResponse fetch(
			PartnerTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> client,
			ClientRegistration registration) {
		return client.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration)).block(BLOCK);
	}

	private static ClientRegistration registration(ClientAuthenticationMethod method, String tokenUri) {
		return ClientRegistration.withRegistrationId("acme")
			.clientId("client-acme")
			.clientSecret(SECRET)
			.clientAuthenticationMethod(method)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("things:read", "things:write")
			.tokenUri(tokenUri)
			.build();
	}

	private LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = this.partner.tokenRequestsReceived();
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static String basicCredentials(LoggedRequest request) {
		String header = request.getHeader("Authorization");
		assertThat(header).startsWith("Basic ");
		return new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
	}

}
