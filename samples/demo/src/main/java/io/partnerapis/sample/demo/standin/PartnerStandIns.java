package io.partnerapis.sample.demo.standin;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Local stand-ins for the six partners, each on its own free loopback port, each
 * accepting only what its partner's authentication document asks for, so that a demo run
 * that succeeds proves the starter's presets speak every partner's dialect. The sixth,
 * Ledger, has no preset: it speaks plain RFC 6749 on the {@code generic} provider, with
 * clients that authenticate by {@code private_key_jwt} instead of a secret.
 *
 * <p>
 * The API paths are made up: the documents only describe authentication. Four stand-ins
 * also show what the starter is for:
 * <ul>
 * <li>Bud issues tokens that live 4 s, so they must be renewed (by refresh token, as
 * Bud's document describes) before they expire.</li>
 * <li>Bemobi takes 300 ms to issue a token, so concurrent first calls overlap.</li>
 * <li>Buoy revokes its token after the third API call, so the next call meets a 401.</li>
 * <li>Ledger checks every client assertion it receives: signature, issuer, audience,
 * expiry, and a {@code jti} it has never seen.</li>
 * </ul>
 */
public final class PartnerStandIns implements AutoCloseable {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String STANDARD_401 = "{\"error\":\"invalid_token\"}";

	private final Map<String, StandIn> standIns;

	private PartnerStandIns(Map<String, StandIn> standIns) {
		this.standIns = standIns;
	}

	/**
	 * Starts the six stand-ins.
	 * @return the running stand-ins
	 */
	public static PartnerStandIns start() {
		return start(Clock.systemUTC());
	}

	/**
	 * Starts the six stand-ins with the given clock, which decides when their tokens
	 * expire.
	 * @param clock the clock
	 * @return the running stand-ins
	 */
	static PartnerStandIns start(Clock clock) {
		PartnerStandIns standIns = new PartnerStandIns(new LinkedHashMap<>());
		try {
			standIns.add(() -> budsense(clock));
			standIns.add(() -> bud(clock));
			standIns.add(() -> bemobi(clock));
			standIns.add(() -> smartsense(clock));
			standIns.add(() -> buoy(clock));
			standIns.add(() -> ledger(clock));
			return standIns;
		}
		catch (RuntimeException ex) {
			standIns.close();
			throw ex;
		}
	}

	private void add(Supplier<StandIn> standIn) {
		StandIn started = standIn.get();
		this.standIns.put(started.partner(), started);
	}

	/**
	 * BudSense: form body with client id, secret and {@code scope=budsense/read}; 1 h
	 * tokens.
	 */
	private static StandIn budsense(Clock clock) {
		StandIn standIn = new StandIn("budsense", "/oauth/token", STANDARD_401, "as documented",
				new TokenAuthority("budsense", Duration.ofHours(1), 0, PartnerStandIns::standardTokenResponse, clock));
		return standIn
			.issuesTokensFor(post(urlPathEqualTo("/oauth/token")).withHeader("Content-Type", containing(FORM))
				.withHeader("Authorization", absent())
				.withFormParam("grant_type", equalTo("client_credentials"))
				.withFormParam("client_id", equalTo(standIn.clientId()))
				.withFormParam("client_secret", equalTo(standIn.clientSecret()))
				.withFormParam("scope", equalTo("budsense/read")))
			.serves(get(urlPathEqualTo("/v1/products")), "{\"products\":[{\"id\":\"p-1\"}]}");
	}

	/**
	 * Bud: HTTP Basic for client credentials; the token fields wrapped in {@code data};
	 * refresh with the refresh token and {@code X-Client-Id} alone; {@code X-Client-Id}
	 * on every API call. Tokens live 4 s here instead of Bud's 1 h.
	 */
	private static StandIn bud(Clock clock) {
		StandIn standIn = new StandIn("bud", "/v1/oauth/token", STANDARD_401, "tokens live 4 s",
				new TokenAuthority("bud", Duration.ofSeconds(4), 0, PartnerStandIns::budTokenResponse, clock));
		return standIn
			.issuesTokensFor(post(urlPathEqualTo("/v1/oauth/token")).withHeader("Content-Type", containing(FORM))
				.withBasicAuth(standIn.clientId(), standIn.clientSecret())
				.withFormParam("grant_type", equalTo("client_credentials")))
			.renewsTokensFor(post(urlPathEqualTo("/v1/oauth/token")).withHeader("Content-Type", containing(FORM))
				.withHeader("X-Client-Id", equalTo(standIn.clientId()))
				.withFormParam("grant_type", equalTo("refresh_token")))
			.serves(get(urlPathEqualTo("/v1/accounts")).withHeader("X-Client-Id", equalTo(standIn.clientId())),
					"{\"operation_id\":\"accounts_get\",\"data\":[{\"id\":\"a-1\"}]}")
			.refuses("missing X-Client-Id", get(urlPathEqualTo("/v1/accounts")).withHeader("X-Client-Id", absent()),
					StandIn.json(400, "{\"error\":\"X-Client-Id header is required\"}"));
	}

	/**
	 * Bemobi: form body with client id, secret and audience. Token responses take 300 ms
	 * here.
	 */
	private static StandIn bemobi(Clock clock) {
		StandIn standIn = new StandIn("bemobi", "/oauth/token", STANDARD_401, "token takes 300 ms",
				new TokenAuthority("bemobi", Duration.ofHours(1), 0, PartnerStandIns::standardTokenResponse, clock));
		return standIn
			.issuesTokensFor(post(urlPathEqualTo("/oauth/token")).withHeader("Content-Type", containing(FORM))
				.withHeader("Authorization", absent())
				.withFormParam("grant_type", equalTo("client_credentials"))
				.withFormParam("client_id", equalTo(standIn.clientId()))
				.withFormParam("client_secret", equalTo(standIn.clientSecret()))
				.withFormParam("audience", equalTo("https://api.wave.bemobi.com")), 300)
			.serves(get(urlPathEqualTo("/v1/invoices")), "{\"invoices\":[{\"id\":\"i-1\"}]}");
	}

	/**
	 * SmartSense: HTTP Basic, form body, {@code Accept: application/json}.
	 */
	private static StandIn smartsense(Clock clock) {
		StandIn standIn = new StandIn("smartsense", "/auth/oauth", STANDARD_401, "as documented", new TokenAuthority(
				"smartsense", Duration.ofHours(1), 0, PartnerStandIns::standardTokenResponse, clock));
		return standIn
			.issuesTokensFor(post(urlPathEqualTo("/auth/oauth")).withHeader("Content-Type", containing(FORM))
				.withHeader("Accept", matching("application/json(;.*)?"))
				.withBasicAuth(standIn.clientId(), standIn.clientSecret())
				.withFormParam("grant_type", equalTo("client_credentials")))
			.serves(get(urlPathEqualTo("/v1/sensors")), "{\"sensors\":[{\"id\":\"s-1\"}]}");
	}

	/**
	 * Buoy: JSON body with client id, secret, audience and grant type; 24 h tokens; its
	 * own 401 body. Revokes its token after the third API call here.
	 */
	private static StandIn buoy(Clock clock) {
		StandIn standIn = new StandIn("buoy", "/oauth/token", "{\"detail\": \"Token is invalid or expired (decode).\"}",
				"revokes its token after call 3",
				new TokenAuthority("buoy", Duration.ofHours(24), 3, PartnerStandIns::standardTokenResponse, clock));
		return standIn
			.issuesTokensFor(post(urlPathEqualTo("/oauth/token"))
				.withHeader("Content-Type", containing("application/json"))
				.withHeader("Authorization", absent())
				.withRequestBody(equalToJson("{\"client_id\":\"" + standIn.clientId() + "\",\"client_secret\":\""
						+ standIn.clientSecret()
						+ "\",\"audience\":\"https://api.buoyhealth.com\",\"grant_type\":\"client_credentials\"}")))
			.serves(get(urlPathEqualTo("/v1/conditions")), "{\"conditions\":[{\"id\":\"c-1\"}]}");
	}

	/**
	 * Ledger: RFC 6749 client credentials in a form body, the client authenticated by
	 * {@code private_key_jwt} (RFC 7523): {@code client_id}, a {@code client_assertion}
	 * that {@link ClientAssertions} accepts and its {@code client_assertion_type}, and no
	 * secret. The client's key pair is made when the stand-in starts. A client secret is
	 * refused with {@code 401 invalid_client}, a secret beside an assertion or another
	 * grant with {@code 400}, as RFC 6749 section 5.2 says.
	 */
	private static StandIn ledger(Clock clock) {
		StandIn standIn = new StandIn("ledger", "/oauth2/token", STANDARD_401, "checks each signed client assertion",
				new TokenAuthority("ledger", Duration.ofHours(1), 0, PartnerStandIns::standardTokenResponse, clock));
		ClientAssertions assertions = new ClientAssertions(standIn.clientId(), standIn.tokenUri(), clock);
		standIn.authenticatesClientsWith(assertions.clientProperties(), assertions)
			.issuesTokensFor(ledgerTokenRequest(standIn).andMatching(assertions.valid()))
			.serves(get(urlPathEqualTo("/v1/entries")), "{\"entries\":[{\"id\":\"e-1\"}]}")
			.refuses("client secret instead of a client assertion",
					post(urlPathEqualTo("/oauth2/token")).withFormParam("client_secret", matching(".*")),
					invalidClient("ledger authenticates clients by private_key_jwt only"))
			.refuses("client secret beside a client assertion",
					post(urlPathEqualTo("/oauth2/token")).withFormParam("client_secret", matching(".*"))
						.withFormParam("client_assertion", matching(".*")),
					StandIn.json(400,
							"{\"error\":\"invalid_request\",\"error_description\":"
									+ "\"A client must not use more than one authentication method\"}"))
			.refuses("grant other than client_credentials",
					post(urlPathEqualTo("/oauth2/token")).withFormParam("grant_type",
							notMatching("client_credentials")),
					StandIn.json(400, "{\"error\":\"unsupported_grant_type\"}"));
		for (ClientAssertions.Refusal refusal : ClientAssertions.Refusal.values()) {
			standIn.refuses("client assertion " + refusal.description(),
					ledgerTokenRequest(standIn).andMatching(assertions.refusedFor(refusal)),
					invalidClient("The client assertion " + refusal.description()));
		}
		return standIn;
	}

	private static MappingBuilder ledgerTokenRequest(StandIn standIn) {
		return post(urlPathEqualTo("/oauth2/token")).withHeader("Content-Type", containing(FORM))
			.withHeader("Authorization", absent())
			.withFormParam("grant_type", equalTo("client_credentials"))
			.withFormParam("client_id", equalTo(standIn.clientId()))
			.withFormParam("client_assertion_type", equalTo(ClientAssertions.JWT_BEARER))
			.withFormParam("client_secret", absent());
	}

	private static ResponseDefinitionBuilder invalidClient(String description) {
		return StandIn.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"" + description + "\"}");
	}

	private static String standardTokenResponse(TokenAuthority.Issued token, Duration lifetime) {
		return "{\"access_token\":\"" + token.accessToken() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ lifetime.toSeconds() + "}";
	}

	private static String budTokenResponse(TokenAuthority.Issued token, Duration lifetime) {
		return "{\"operation_id\":\"oauth_token_post\",\"data\":{\"access_token\":\"" + token.accessToken()
				+ "\",\"token_type\":\"bearer\",\"expires_in\":" + lifetime.toSeconds() + ",\"refresh_token\":\""
				+ token.refreshToken() + "\"}}";
	}

	/**
	 * Returns the stand-in of the given partner.
	 * @param partner the partner's name
	 * @return the stand-in
	 * @throws IllegalArgumentException if there is no stand-in of that name
	 */
	public StandIn standIn(String partner) {
		StandIn standIn = this.standIns.get(partner);
		if (standIn == null) {
			throw new IllegalArgumentException("No stand-in for partner '" + partner + "'; there are stand-ins for "
					+ String.join(", ", this.standIns.keySet()));
		}
		return standIn;
	}

	/**
	 * Returns every stand-in, in a fixed order.
	 * @return the stand-ins
	 */
	public Collection<StandIn> all() {
		return this.standIns.values();
	}

	/**
	 * Returns the properties that point each partner at its stand-in: token URI, base
	 * URL, and the made-up credentials the stand-in accepts (a client secret, or the
	 * location of the private key the stand-in registered for the client).
	 * @return the properties, by name
	 */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		this.standIns.forEach((partner, standIn) -> {
			String prefix = "partner.apis." + partner + ".";
			properties.put(prefix + "token-uri", standIn.tokenUri());
			properties.put(prefix + "base-url", standIn.baseUrl());
			properties.put(prefix + "client-id", standIn.clientId());
			if (standIn.clientProperties().isEmpty()) {
				properties.put(prefix + "client-secret", standIn.clientSecret());
			}
			standIn.clientProperties().forEach((name, value) -> properties.put(prefix + name, value));
		});
		return properties;
	}

	/**
	 * Stops every stand-in.
	 */
	@Override
	public void close() {
		this.standIns.values().forEach(StandIn::close);
	}

	@Override
	public String toString() {
		return "PartnerStandIns" + this.standIns.values();
	}

}
