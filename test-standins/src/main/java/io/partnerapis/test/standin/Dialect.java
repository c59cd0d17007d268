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

package io.partnerapis.test.standin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import org.jspecify.annotations.Nullable;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * How each partner's token endpoint and API speak, as its authentication document (and
 * the starter's provider preset) says, written once for the demo, the test kit and the
 * starter's own tests alike. Each dialect accepts only the token requests its document
 * allows and answers anything else as the partner would refuse it: a misconfigured
 * application fails its test as it would fail in production.
 *
 * @since 0.1.0
 */
public enum Dialect {

	/**
	 * BudSense: form body with client id, secret and {@code scope=budsense/read}; 1 h
	 * tokens.
	 */
	BUDSENSE("/oauth/token", Duration.ofHours(1)) {

		@Override
		void install(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock) {
			stubs.issuesTokensFor(secretInForm(this, settings).withFormParam("scope", equalTo("budsense/read")));
		}

	},

	/**
	 * Bud: HTTP Basic with the credentials as they are; the token fields wrapped in
	 * {@code data}; refresh with the refresh token and {@code X-Client-Id} alone;
	 * {@code X-Client-Id} on every API call; 1 h tokens.
	 */
	BUD("/v1/oauth/token", Duration.ofHours(1)) {

		@Override
		void install(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock) {
			stubs
				.issuesTokensFor(form(this).withBasicAuth(settings.clientId(), secret(settings))
					.withFormParam("grant_type", equalTo("client_credentials")))
				.renewsTokensFor(form(this).withHeader("X-Client-Id", equalTo(settings.clientId()))
					.withFormParam("grant_type", equalTo("refresh_token")))
				.guardsApi("missing X-Client-Id", any(anyUrl()).withHeader("X-Client-Id", absent()),
						(request) -> MatchResult.exactMatch(),
						StandInStubs.json(400, "{\"error\":\"X-Client-Id header is required\"}"));
		}

		@Override
		String tokenResponse(TokenAuthority.Issued token, Duration lifetime) {
			return "{\"operation_id\":\"oauth_token_post\",\"data\":{\"access_token\":\"" + token.accessToken()
					+ "\",\"token_type\":\"bearer\",\"expires_in\":" + lifetime.toSeconds() + ",\"refresh_token\":\""
					+ token.refreshToken() + "\"}}";
		}

	},

	/**
	 * Bemobi: form body with client id, secret and {@code audience}; 1 h tokens.
	 */
	BEMOBI("/oauth/token", Duration.ofHours(1)) {

		@Override
		void install(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock) {
			stubs.issuesTokensFor(
					secretInForm(this, settings).withFormParam("audience", equalTo("https://api.wave.bemobi.com")));
		}

	},

	/**
	 * SmartSense: HTTP Basic, form body, {@code Accept: application/json}; 1 h tokens.
	 */
	SMARTSENSE("/auth/oauth", Duration.ofHours(1)) {

		@Override
		void install(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock) {
			stubs.issuesTokensFor(form(this).withHeader("Accept", matching("application/json(;.*)?"))
				.withHeader("Authorization", basic(settings))
				.withFormParam("grant_type", equalTo("client_credentials")));
		}

	},

	/**
	 * Buoy: JSON body with client id, secret, audience and grant type; 24 h tokens; its
	 * own 401 body.
	 */
	BUOY("/oauth/token", Duration.ofHours(24)) {

		@Override
		void install(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock) {
			String audience = settings.isSandbox() ? "https://api.sandbox.buoyhealth.com"
					: "https://api.buoyhealth.com";
			stubs.issuesTokensFor(
					post(urlPathEqualTo(tokenPath())).withHeader("Content-Type", containing("application/json"))
						.withHeader("Authorization", absent())
						.withRequestBody(equalToJson("{\"client_id\":\"" + settings.clientId()
								+ "\",\"client_secret\":\"" + secret(settings) + "\",\"audience\":\"" + audience
								+ "\",\"grant_type\":\"client_credentials\"}")));
		}

		@Override
		String unauthorizedBody() {
			return "{\"detail\": \"Token is invalid or expired (decode).\"}";
		}

	},

	/**
	 * Any other partner: RFC 6749 client credentials in a form body, the client
	 * authenticated by the configured method: {@code client_secret_basic} (the default;
	 * the credentials URL-encoded or not), {@code client_secret_post},
	 * {@code private_key_jwt} and {@code client_secret_jwt} (RFC 7523, each assertion
	 * checked by {@link ClientAssertions}), and {@code tls_client_auth},
	 * {@code self_signed_tls_client_auth} and {@code none} ({@code client_id} alone, no
	 * secret: the stand-in speaks plain HTTP and checks no certificate). Another grant is
	 * refused with {@code 400 unsupported_grant_type}; a secret beside an assertion with
	 * {@code 400 invalid_request}, as RFC 6749 section 5.2 says. 1 h tokens.
	 */
	GENERIC("/oauth2/token", Duration.ofHours(1)) {

		@Override
		void install(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock) {
			stubs.refuses("grant other than client_credentials",
					post(urlPathEqualTo(tokenPath())).withFormParam("grant_type", notMatching("client_credentials")),
					StandInStubs.json(400, "{\"error\":\"unsupported_grant_type\"}"));
			String method = settings.clientAuthenticationMethod("client_secret_basic");
			switch (method) {
				case "client_secret_basic" ->
					stubs.issuesTokensFor(clientCredentials(this).withHeader("Authorization", basic(settings))
						.withFormParam("client_secret", absent()));
				case "client_secret_post" -> stubs.issuesTokensFor(secretInForm(this, settings));
				case "private_key_jwt", "client_secret_jwt" ->
					acceptAssertions(stubs, settings, tokenUri, clock, method);
				default -> stubs.issuesTokensFor(clientCredentials(this).withHeader("Authorization", absent())
					.withFormParam("client_id", equalTo(settings.clientId()))
					.withFormParam("client_secret", absent()));
			}
		}

	};

	private static final String FORM = "application/x-www-form-urlencoded";

	private final String tokenPath;

	private final Duration lifetime;

	Dialect(String tokenPath, Duration lifetime) {
		this.tokenPath = tokenPath;
		this.lifetime = lifetime;
	}

	/**
	 * Returns the dialect of a provider.
	 * @param provider the provider's name, as {@code partner.apis.<name>.provider} gives
	 * it
	 * @return the dialect, {@link #GENERIC} for a provider without one of its own
	 */
	public static Dialect of(String provider) {
		for (Dialect dialect : values()) {
			if (dialect.name().equalsIgnoreCase(provider)) {
				return dialect;
			}
		}
		return GENERIC;
	}

	/**
	 * Returns whether a name is a provider with a dialect of its own.
	 * @param name the name
	 * @return whether it names one of the five partners with a preset
	 */
	public static boolean isProvider(String name) {
		return of(name) != GENERIC || GENERIC.name().equalsIgnoreCase(name);
	}

	/**
	 * Returns the path of the token endpoint.
	 * @return the path
	 */
	public String tokenPath() {
		return this.tokenPath;
	}

	/**
	 * Returns how long the partner's tokens live.
	 * @return the lifetime
	 */
	public Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * Returns the provider's name, as {@code partner.apis.<name>.provider} spells it.
	 * @return such as {@code bud}
	 */
	public String provider() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Adds the partner's rules for token requests and API calls to a stand-in.
	 * @param stubs the stand-in's stubs
	 * @param settings the partner's configuration
	 * @param tokenUri the stand-in's token URI
	 * @param clock the clock that decides whether client assertions have expired
	 */
	public void installOn(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock) {
		install(stubs, settings, tokenUri, clock);
	}

	abstract void install(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock);

	/**
	 * Writes the body of a token response in the partner's shape.
	 * @param token the issued token
	 * @param lifetime its lifetime
	 * @return the JSON body
	 */
	String tokenResponse(TokenAuthority.Issued token, Duration lifetime) {
		return "{\"access_token\":\"" + token.accessToken() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ lifetime.toSeconds() + "}";
	}

	/**
	 * Returns the JSON body of the partner's 401 answer to API calls.
	 * @return the body
	 */
	String unauthorizedBody() {
		return "{\"error\":\"invalid_token\"}";
	}

	/**
	 * Creates the authority that issues the partner's tokens in its shape.
	 * @param partner the partner's name
	 * @param clock the clock that decides when tokens expire
	 * @return the authority
	 */
	public TokenAuthority tokenAuthority(String partner, Clock clock) {
		return new TokenAuthority(partner, this.lifetime, this::tokenResponse, clock);
	}

	/**
	 * Creates the stubs of a stand-in of this dialect, with its catch-all refusals.
	 * @param partner the partner's name
	 * @param server the stand-in's server
	 * @param tokens the authority that issues the partner's tokens
	 * @return the stubs
	 */
	public StandInStubs stubs(String partner, WireMockServer server, TokenAuthority tokens) {
		return new StandInStubs(partner, server, this.tokenPath, tokens, unauthorizedBody());
	}

	private static MappingBuilder form(Dialect dialect) {
		return post(urlPathEqualTo(dialect.tokenPath)).withHeader("Content-Type", containing(FORM));
	}

	private static MappingBuilder clientCredentials(Dialect dialect) {
		return form(dialect).withFormParam("grant_type", equalTo("client_credentials"));
	}

	private static MappingBuilder secretInForm(Dialect dialect, StandInSettings settings) {
		return clientCredentials(dialect).withHeader("Authorization", absent())
			.withFormParam("client_id", equalTo(settings.clientId()))
			.withFormParam("client_secret", equalTo(secret(settings)));
	}

	private static String secret(StandInSettings settings) {
		String secret = settings.clientSecret();
		return (secret != null) ? secret : "";
	}

	/**
	 * Matches an HTTP Basic header with the client's credentials, URL-encoded first as
	 * RFC 6749 section 2.3.1 says, or as they are.
	 * @param settings the stand-in's settings, which hold the client's credentials
	 * @return a pattern matching either form of the header
	 */
	private static StringValuePattern basic(StandInSettings settings) {
		String encoded = basicHeader(urlEncode(settings.clientId()), urlEncode(secret(settings)));
		String raw = basicHeader(settings.clientId(), secret(settings));
		return equalTo(encoded).or(equalTo(raw));
	}

	private static String basicHeader(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static String urlEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void acceptAssertions(StandInStubs stubs, StandInSettings settings, String tokenUri, Clock clock,
			String method) {
		List<String> audiences = new ArrayList<>(List.of(tokenUri));
		if (settings.assertionAudience() != null) {
			audiences.add(settings.assertionAudience());
		}
		ClientAssertions assertions = clientAssertions(settings, method, audiences, clock);
		MappingBuilder assertionRequest = clientCredentials(GENERIC).withHeader("Authorization", absent())
			.withFormParam("client_id", equalTo(settings.clientId()))
			.withFormParam("client_assertion_type", equalTo(ClientAssertions.JWT_BEARER))
			.withFormParam("client_secret", absent());
		stubs.authenticatesClientsWith(assertions.clientProperties(), assertions)
			.issuesTokensFor(assertionRequest.andMatching(assertions.valid()))
			.refuses("client secret instead of a client assertion",
					post(urlPathEqualTo(GENERIC.tokenPath)).withFormParam("client_secret", matching(".*")),
					invalidClient("This client authenticates by " + method + " only"))
			.refuses("client secret beside a client assertion",
					post(urlPathEqualTo(GENERIC.tokenPath)).withFormParam("client_secret", matching(".*"))
						.withFormParam("client_assertion", matching(".*")),
					StandInStubs.json(400, "{\"error\":\"invalid_request\",\"error_description\":"
							+ "\"A client must not use more than one authentication method\"}"));
		for (ClientAssertions.Refusal refusal : ClientAssertions.Refusal.values()) {
			stubs.refuses("client assertion " + refusal.description(),
					clientCredentials(GENERIC)
						.withFormParam("client_assertion_type", equalTo(ClientAssertions.JWT_BEARER))
						.andMatching(assertions.refusedFor(refusal)),
					invalidClient("The client assertion " + refusal.description()));
		}
	}

	private static ClientAssertions clientAssertions(StandInSettings settings, String method, List<String> audiences,
			Clock clock) {
		if ("client_secret_jwt".equals(method)) {
			return ClientAssertions.forSecret(settings.clientId(), audiences, secret(settings), clock);
		}
		@Nullable String key = settings.assertionKey();
		return (key != null)
				? ClientAssertions.forKey(settings.clientId(), audiences, ClientKeys.publicKeyOf(key), clock)
				: ClientAssertions.generate(settings.clientId(), audiences, clock);
	}

	private static ResponseDefinitionBuilder invalidClient(String description) {
		return StandInStubs.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"" + description + "\"}");
	}

}
