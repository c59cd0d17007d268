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

package io.partnerapis.sample.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.test.PartnerStandIn;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Runs the demo as a person would, against the local stand-ins, and checks both what it
 * prints and what the stand-ins received.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoApplicationTests {

	@Test
	void demoPrintsOneRowPerPartnerAndExitsZero(CapturedOutput output) {
		assertThat(DemoApplication.run()).isZero();
		assertThat(row(output, "budsense")).containsExactly(5, 5, 1, 0);
		assertThat(row(output, "bemobi")).containsExactly(100, 100, 1, 0);
		assertThat(row(output, "smartsense")).containsExactly(5, 5, 1, 0);
		assertThat(row(output, "buoy")).containsExactly(6, 6, 2, 1);
		assertThat(row(output, "ledger")).containsExactly(5, 5, 1, 0);
		int[] bud = row(output, "bud");
		assertThat(bud[0]).isEqualTo(10);
		assertThat(bud[1]).isEqualTo(10);
		assertThat(bud[2]).as("4 s tokens over 5 s of calls are renewed at least once").isBetween(2, 5);
		assertThat(bud[3]).as("renewed before they expire, so never rejected").isZero();
		assertThat(output).contains("All 131 calls succeeded.");
		assertThat(fleetRow(output, "redis (shared)")).as("instances, calls, ok, token requests, after restart")
			.containsExactly(3, 61, 61, 1, 0);
		assertThat(fleetRow(output, "memory (per instance)")).containsExactly(3, 61, 61, 3, 1);
	}

	private static int[] fleetRow(CapturedOutput output, String store) {
		Matcher row = Pattern
			.compile("^" + Pattern.quote(store) + " +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+)$", Pattern.MULTILINE)
			.matcher(output.getOut());
		assertThat(row.find()).as("fleet row of %s in%n%s", store, output.getOut()).isTrue();
		return IntStream.rangeClosed(1, 5).map((group) -> Integer.parseInt(row.group(group))).toArray();
	}

	@Test
	void standInsReceiveOnlyRequestsShapedAsTheirDocumentsSay() {
		ConfigurableApplicationContext context = DemoApplication.application().run();
		PartnerStandIns standIns = context.getBean(PartnerStandIns.class);
		assertThat(SpringApplication.exit(context)).isZero();
		assertThat(standIns.all()).allSatisfy((standIn) -> assertThat(standIn.isRunning()).isFalse());

		PartnerStandIn budsense = standIns.partner("budsense");
		assertThat(budsense.tokenRequests()).hasSize(1);
		assertThat(budsense.apiRequests()).hasSize(5);
		assertThat(budsense.refusals()).isEmpty();

		PartnerStandIn bud = standIns.partner("bud");
		List<LoggedRequest> budTokens = bud.tokenRequests();
		assertThat(budTokens).hasSizeBetween(2, 5);
		assertThat(budTokens.get(0).getBodyAsString()).isEqualTo("grant_type=client_credentials");
		assertThat(budTokens.get(0).getHeader("Authorization")).startsWith("Basic ");
		assertThat(budTokens.subList(1, budTokens.size())).allSatisfy((renewal) -> {
			assertThat(renewal.getBodyAsString()).startsWith("grant_type=refresh_token&refresh_token=bud-refresh-");
			assertThat(renewal.getHeader("X-Client-Id")).isEqualTo(bud.clientId());
		});
		assertThat(bud.apiRequests()).hasSize(10);
		assertThat(bud.refusals()).isEmpty();

		PartnerStandIn bemobi = standIns.partner("bemobi");
		assertThat(bemobi.tokenRequests()).as("100 concurrent first calls share one token request").hasSize(1);
		assertThat(bemobi.apiRequests()).hasSize(100);
		assertThat(bemobi.refusals()).isEmpty();

		PartnerStandIn smartsense = standIns.partner("smartsense");
		assertThat(smartsense.tokenRequests()).hasSize(1);
		assertThat(smartsense.apiRequests()).hasSize(5);
		assertThat(smartsense.refusals()).isEmpty();

		PartnerStandIn buoy = standIns.partner("buoy");
		assertThat(buoy.tokenRequests()).hasSize(2);
		assertThat(buoy.apiRequests()).as("6 calls and one replay of the call that met the revoked token").hasSize(7);
		assertThat(buoy.refusals()).containsExactly("missing or invalid bearer token");

		PartnerStandIn ledger = standIns.partner("ledger");
		assertThat(ledger.tokenRequests()).singleElement().satisfies((request) -> {
			assertThat(request.formParameter("client_assertion_type").firstValue())
				.isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
			assertThat(request.formParameter("client_assertion").isPresent()).isTrue();
			assertThat(request.formParameter("client_id").firstValue()).isEqualTo(ledger.clientId());
			assertThat(request.formParameter("client_secret").isPresent()).isFalse();
			assertThat(request.getHeader("Authorization")).isNull();
		});
		assertThat(ledger.apiRequests()).hasSize(5);
		assertThat(ledger.refusals()).isEmpty();
		assertThat(String.valueOf(ledger.properties().get("partner.apis.ledger.client-assertion.key")))
			.as("the private key file is deleted when the stand-in stops")
			.satisfies((location) -> assertThat(Path.of(URI.create(location))).doesNotExist());
	}

	@Test
	void liveProfileFailsNamingEveryMissingVariableBeforeAnyCall(CapturedOutput output) {
		assumeThat(System.getenv()).doesNotContainKeys("BUD_CLIENT_ID", "BEMOBI_TOKEN_URI", "BUOY_CLIENT_SECRET",
				"LEDGER_CLIENT_ASSERTION_KEY");
		assertThatExceptionOfType(MissingCredentialsException.class)
			.isThrownBy(() -> DemoApplication.run("--spring.profiles.active=live", "--BUDSENSE_CLIENT_ID=given",
					"--partner.apis.budsense.client-secret=given"))
			.satisfies((ex) -> assertThat(ex.getVariables()).containsExactly(
					entry("BUD_CLIENT_ID", "partner.apis.bud.client-id"),
					entry("BUD_CLIENT_SECRET", "partner.apis.bud.client-secret"),
					entry("BEMOBI_TOKEN_URI", "partner.apis.bemobi.token-uri"),
					entry("BEMOBI_CLIENT_ID", "partner.apis.bemobi.client-id"),
					entry("BEMOBI_CLIENT_SECRET", "partner.apis.bemobi.client-secret"),
					entry("SMARTSENSE_CLIENT_ID", "partner.apis.smartsense.client-id"),
					entry("SMARTSENSE_CLIENT_SECRET", "partner.apis.smartsense.client-secret"),
					entry("BUOY_CLIENT_ID", "partner.apis.buoy.client-id"),
					entry("BUOY_CLIENT_SECRET", "partner.apis.buoy.client-secret"),
					entry("LEDGER_TOKEN_URI", "partner.apis.ledger.token-uri"),
					entry("LEDGER_BASE_URL", "partner.apis.ledger.base-url"),
					entry("LEDGER_CLIENT_ID", "partner.apis.ledger.client-id"),
					entry("LEDGER_CLIENT_ASSERTION_KEY", "partner.apis.ledger.client-assertion.key")));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("BEMOBI_TOKEN_URI (for 'partner.apis.bemobi.token-uri')")
			.contains("export BUD_CLIENT_ID=...")
			.doesNotContain("Calling 6 partners");
	}

	/**
	 * Returns calls, ok, token fetches and 401s recovered from the partner's row, after
	 * checking that its latency columns hold values.
	 */
	private static int[] row(CapturedOutput output, String partner) {
		Matcher row = Pattern
			.compile("^" + partner + " +(\\d+) +(\\d+) +(\\d+) +(\\d+) +\\d+ ms +\\d+ ms  \\S", Pattern.MULTILINE)
			.matcher(output.getOut());
		assertThat(row.find()).as("row of %s in%n%s", partner, output.getOut()).isTrue();
		return new int[] { Integer.parseInt(row.group(1)), Integer.parseInt(row.group(2)),
				Integer.parseInt(row.group(3)), Integer.parseInt(row.group(4)) };
	}

}
