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

import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerTokenException;
import io.partnerapis.actuate.PartnerApisEndpoint;
import io.partnerapis.autoconfigure.PartnerHealth;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token endpoint's 2xx body, which may hold a live token under an unexpected name, is
 * described by its shape only. That partner clients do not follow redirects is proved for
 * each client type by {@link AbstractOriginGuardTests}.
 */
class NothingGoesElsewhereTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	@Test
	void tokenFoundUnderAnUnexpectedNameIsNeverQuoted() {
		this.partner.stub(post(urlPathEqualTo(PartnerStub.TOKEN_PATH))
			.willReturn(PartnerStub.json("{\"data\":{\"accessToken\":\"live-TOKEN-value\",\"expires_in\":600}}")));
		this.partner.contextRunner("acme")
			.withPropertyValues("partner.apis.acme.token.response-path=data")
			.run((context) -> {
				WebClient webClient = context.getBean("acmeWebClient", WebClient.class);
				assertThatExceptionOfType(PartnerTokenException.class)
					.isThrownBy(() -> PartnerStub.call(webClient, "/things"))
					.withMessageContaining("it has no 'access_token' inside 'data'")
					.withMessageContaining("{data{accessToken, expires_in}}")
					.withMessageNotContaining("live-TOKEN-value")
					.withMessageNotContaining("600");
				PartnerApis apis = context.getBean(PartnerApis.class);
				assertThat(apis.get("acme").getTokenState().lastFailure()).contains("accessToken")
					.doesNotContain("live-TOKEN-value");
				assertThat(PartnerHealth.of(apis.get("acme")).getDetails().toString()).contains("accessToken")
					.doesNotContain("live-TOKEN-value");
				assertThat(new PartnerApisEndpoint(apis).partners().toString()).contains("accessToken")
					.doesNotContain("live-TOKEN-value");
			});
	}

}
