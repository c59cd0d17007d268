package io.partnerapis.sample.demo.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import io.partnerapis.token.fetch.ClientAssertionSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ssl.pem.PemContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-ins refuse what their partner's document does not allow, so that a demo run
 * that succeeds proves the presets right. Each test speaks to a stand-in by hand, first
 * the wrong way, then the documented way.
 */
class PartnerStandInsTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String JSON = "application/json";

	private final SettableClock clock = new SettableClock();

	private final PartnerStandIns standIns = PartnerStandIns.start(this.clock);

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		this.standIns.close();
	}

	@Test
	void budsenseWantsFormCredentialsAndItsScope() throws Exception {
		StandIn budsense = this.standIns.standIn("budsense");
		String credentials = "grant_type=client_credentials&client_id=demo-budsense&client_secret=demo-budsense-secret";
		assertThat(send(post(budsense.tokenUri(), FORM, "grant_type=client_credentials&scope=budsense/read")
			.header("Authorization", basic(budsense)))).satisfies(refused(401, "invalid_client"));
		assertThat(send(post(budsense.tokenUri(), FORM, credentials))).satisfies(refused(401, "invalid_client"));
		HttpResponse<String> token = send(post(budsense.tokenUri(), FORM, credentials + "&scope=budsense%2Fread"));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":3600");
		assertThat(send(get(budsense.baseUrl() + "/v1/products"))).satisfies(refused(401, "invalid_token"));
		assertThat(send(get(budsense.baseUrl() + "/v1/products").header("Authorization", bearer(token))).statusCode())
			.isEqualTo(200);
		assertThat(budsense.rejected()).containsExactly("token request not as documented",
				"token request not as documented", "missing or invalid bearer token");
	}

	@Test
	void budWantsBasicCredentialsAndClientIdHeaderAndWrapsItsTokens() throws Exception {
		StandIn bud = this.standIns.standIn("bud");
		assertThat(send(post(bud.tokenUri(), FORM, secretInForm(bud)))).satisfies(refused(401, "invalid_client"));
		HttpResponse<String> token = send(
				post(bud.tokenUri(), FORM, "grant_type=client_credentials").header("Authorization", basic(bud)));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).startsWith("{\"operation_id\":\"oauth_token_post\",\"data\":{\"access_token\":")
			.contains("\"token_type\":\"bearer\"", "\"expires_in\":4", "\"refresh_token\":\"bud-refresh-1\"");
		assertThat(send(get(bud.baseUrl() + "/v1/accounts").header("Authorization", bearer(token))))
			.satisfies(refused(400, "X-Client-Id header is required"));
		assertThat(send(get(bud.baseUrl() + "/v1/accounts").header("Authorization", bearer(token))
			.header("X-Client-Id", "demo-bud")).statusCode()).isEqualTo(200);
	}

	@Test
	void budRenewsByRefreshTokenOnceAndExpiresItsTokensAfterFourSeconds() throws Exception {
		StandIn bud = this.standIns.standIn("bud");
		send(post(bud.tokenUri(), FORM, "grant_type=client_credentials").header("Authorization", basic(bud)));
		String refresh = "grant_type=refresh_token&refresh_token=bud-refresh-1";
		assertThat(send(post(bud.tokenUri(), FORM, refresh))).satisfies(refused(401, "invalid_client"));
		HttpResponse<String> renewed = send(post(bud.tokenUri(), FORM, refresh).header("X-Client-Id", "demo-bud"));
		assertThat(renewed.statusCode()).isEqualTo(200);
		assertThat(renewed.body()).contains("\"access_token\":\"bud-token-2\"");
		assertThat(send(post(bud.tokenUri(), FORM, refresh).header("X-Client-Id", "demo-bud")))
			.as("a refresh token is good once")
			.satisfies(refused(401, "invalid_client"));
		this.clock.advance(Duration.ofMillis(3999));
		assertThat(send(accounts(bud, renewed)).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(send(accounts(bud, renewed))).satisfies(refused(401, "invalid_token"));
	}

	@Test
	void bemobiWantsFormCredentialsWithItsAudience() throws Exception {
		StandIn bemobi = this.standIns.standIn("bemobi");
		String credentials = "grant_type=client_credentials&client_id=demo-bemobi&client_secret=demo-bemobi-secret";
		assertThat(send(post(bemobi.tokenUri(), FORM, credentials))).satisfies(refused(401, "invalid_client"));
		assertThat(send(post(bemobi.tokenUri(), FORM, credentials + "&audience=https%3A%2F%2Fapi.bemobi.com")))
			.satisfies(refused(401, "invalid_client"));
		HttpResponse<String> token = send(
				post(bemobi.tokenUri(), FORM, credentials + "&audience=https%3A%2F%2Fapi.wave.bemobi.com"));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(send(get(bemobi.baseUrl() + "/v1/invoices").header("Authorization", bearer(token))).statusCode())
			.isEqualTo(200);
	}

	@Test
	void smartsenseWantsBasicCredentialsAndAJsonAnswer() throws Exception {
		StandIn smartsense = this.standIns.standIn("smartsense");
		assertThat(send(post(smartsense.tokenUri(), FORM,
				"grant_type=client_credentials&client_id=demo-smartsense&client_secret=demo-smartsense-secret")
			.header("Accept", JSON))).satisfies(refused(401, "invalid_client"));
		assertThat(send(post(smartsense.tokenUri(), FORM, "grant_type=client_credentials")
			.header("Authorization", basic(smartsense))
			.header("Accept", "text/html"))).satisfies(refused(401, "invalid_client"));
		HttpResponse<String> token = send(post(smartsense.tokenUri(), FORM, "grant_type=client_credentials")
			.header("Authorization", basic(smartsense))
			.header("Accept", JSON));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(send(get(smartsense.baseUrl() + "/v1/sensors").header("Authorization", bearer(token))).statusCode())
			.isEqualTo(200);
	}

	@Test
	void buoyWantsAJsonBodyAndRevokesItsTokenAfterTheThirdCall() throws Exception {
		StandIn buoy = this.standIns.standIn("buoy");
		assertThat(
				send(post(buoy.tokenUri(), FORM,
						"grant_type=client_credentials&client_id=demo-buoy&client_secret=demo-buoy-secret"
								+ "&audience=https%3A%2F%2Fapi.buoyhealth.com")))
			.satisfies(refused(401, "invalid_client"));
		String json = "{\"client_id\":\"demo-buoy\",\"client_secret\":\"demo-buoy-secret\","
				+ "\"audience\":\"https://api.buoyhealth.com\",\"grant_type\":\"client_credentials\"}";
		HttpResponse<String> token = send(post(buoy.tokenUri(), JSON, json));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).contains("\"expires_in\":86400");
		for (int call = 1; call <= 3; call++) {
			assertThat(send(conditions(buoy, token)).statusCode()).as("call %d", call).isEqualTo(200);
		}
		HttpResponse<String> revoked = send(conditions(buoy, token));
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.body()).isEqualTo("{\"detail\": \"Token is invalid or expired (decode).\"}");
		assertThat(send(conditions(buoy, send(post(buoy.tokenUri(), JSON, json)))).statusCode()).isEqualTo(200);
	}

	@Test
	void ledgerAcceptsTheStartersAssertionOnceAndNoClientSecret() throws Exception {
		StandIn ledger = this.standIns.standIn("ledger");
		assertThat(send(post(ledger.tokenUri(), FORM, secretInForm(ledger)))).satisfies(refused(401, "invalid_client"));
		String assertion = signer(ledger, registeredKey(ledger), ledger.tokenUri()).sign();
		HttpResponse<String> token = send(post(ledger.tokenUri(), FORM, assertionRequest(assertion)));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":3600");
		assertThat(send(get(ledger.baseUrl() + "/v1/entries").header("Authorization", bearer(token))).statusCode())
			.isEqualTo(200);
		assertThat(send(post(ledger.tokenUri(), FORM, assertionRequest(assertion)))).as("an assertion is good once")
			.satisfies(refused(401, "invalid_client"));
		assertThat(send(post(ledger.tokenUri(), FORM,
				assertionRequest(signer(ledger, registeredKey(ledger), ledger.tokenUri()).sign())
						+ "&client_secret=demo-ledger-secret")))
			.satisfies(refused(400, "invalid_request"));
		assertThat(ledger.rejected()).containsExactly("client secret instead of a client assertion",
				"client assertion was used before", "client secret beside a client assertion");
	}

	@Test
	void ledgerRefusesAssertionsWithAnotherKeyAnotherAudienceOrPastTheirExpiry() throws Exception {
		StandIn ledger = this.standIns.standIn("ledger");
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		PrivateKey otherKey = generator.generateKeyPair().getPrivate();
		assertThat(send(
				post(ledger.tokenUri(), FORM, assertionRequest(signer(ledger, otherKey, ledger.tokenUri()).sign()))))
			.satisfies(refused(401, "invalid_client"));
		assertThat(send(post(ledger.tokenUri(), FORM,
				assertionRequest(signer(ledger, registeredKey(ledger), "https://ledger.example/oauth2/token").sign()))))
			.satisfies(refused(401, "invalid_client"));
		String expiring = signer(ledger, registeredKey(ledger), ledger.tokenUri()).sign();
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(send(post(ledger.tokenUri(), FORM, assertionRequest(expiring))))
			.satisfies(refused(401, "invalid_client"));
		assertThat(send(post(ledger.tokenUri(), FORM,
				assertionRequest(signer(ledger, registeredKey(ledger), ledger.tokenUri()).sign())))
			.statusCode()).isEqualTo(200);
		assertThat(ledger.rejected()).containsExactly("client assertion is not signed by the client's registered key",
				"client assertion is not meant for this token endpoint", "client assertion has expired");
	}

	/**
	 * Returns the starter's signer of a client's assertions, with the key id the stand-in
	 * registered, an audience and a lifetime of 60 s.
	 */
	private ClientAssertionSigner signer(StandIn ledger, PrivateKey key, String audience) throws Exception {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
			.keyID(ledger.clientProperties().get("client-assertion.key-id"))
			.build();
		return new ClientAssertionSigner("ledger", ledger.clientId(), audience, Duration.ofSeconds(60),
				new ECDSASigner((ECPrivateKey) key), header, this.clock);
	}

	/**
	 * Reads the private key the stand-in registered and handed to the client.
	 */
	private static PrivateKey registeredKey(StandIn ledger) throws IOException {
		return PemContent.load(Path.of(URI.create(ledger.clientProperties().get("client-assertion.key"))))
			.getPrivateKey();
	}

	private static String secretInForm(StandIn standIn) {
		return "grant_type=client_credentials&client_id=" + standIn.clientId() + "&client_secret="
				+ standIn.clientSecret();
	}

	private static String assertionRequest(String assertion) {
		return "grant_type=client_credentials&client_id=demo-ledger&client_assertion_type="
				+ URLEncoder.encode(ClientAssertionSigner.JWT_BEARER, StandardCharsets.UTF_8) + "&client_assertion="
				+ assertion;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder post(String uri, String contentType, String body) {
		return HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static HttpRequest.Builder get(String uri) {
		return HttpRequest.newBuilder(URI.create(uri)).GET();
	}

	private static HttpRequest.Builder accounts(StandIn bud, HttpResponse<String> token) {
		return get(bud.baseUrl() + "/v1/accounts").header("Authorization", bearer(token))
			.header("X-Client-Id", "demo-bud");
	}

	private static HttpRequest.Builder conditions(StandIn buoy, HttpResponse<String> token) {
		return get(buoy.baseUrl() + "/v1/conditions").header("Authorization", bearer(token));
	}

	private static String basic(StandIn standIn) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((standIn.clientId() + ":" + standIn.clientSecret()).getBytes(StandardCharsets.UTF_8));
	}

	private static String bearer(HttpResponse<String> tokenResponse) {
		Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tokenResponse.body());
		assertThat(token.find()).as("access token in %s", tokenResponse.body()).isTrue();
		return "Bearer " + token.group(1);
	}

	private static Consumer<HttpResponse<String>> refused(int status, String error) {
		return (response) -> {
			assertThat(response.statusCode()).isEqualTo(status);
			assertThat(response.body()).contains(error);
		};
	}

	/**
	 * A clock that stands still until a test moves it.
	 */
	private static final class SettableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
