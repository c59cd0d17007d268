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

package io.partnerapis.autoconfigure.service;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.web.ClientAttributes;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerWebClientHttpServiceGroupConfigurer}: which partner's filter a
 * request of a group that names partners goes through. The groups are proved end to end
 * in {@code io.partnerapis.usecases.HttpServiceGroupsTests}.
 */
class PartnerWebClientHttpServiceGroupConfigurerTests {

	private final List<String> passedThrough = new ArrayList<>();

	@Test
	void requestNamingAPartnerGoesThroughThatPartnersFilter() {
		assertThat(send(selecting(recording("fallback")), "other")).isEqualTo(HttpStatus.OK);
		assertThat(this.passedThrough).containsExactly("other");
	}

	@Test
	void requestNamingNoPartnerOrAnUnknownOneGoesThroughTheGroupsOwnPartner() {
		send(selecting(recording("fallback")), null);
		send(selecting(recording("fallback")), "unknown");
		assertThat(this.passedThrough).containsExactly("fallback", "fallback");
	}

	@Test
	void requestOfAGroupWithoutAPartnerOfItsOwnNamingNoneIsSentAsItIs() {
		assertThat(send(selecting(null), null)).isEqualTo(HttpStatus.OK);
		assertThat(this.passedThrough).isEmpty();
	}

	private ExchangeFilterFunction selecting(@Nullable ExchangeFilterFunction fallback) {
		return PartnerWebClientHttpServiceGroupConfigurer
			.selecting(Map.of("acme", recording("acme"), "other", recording("other")), fallback);
	}

	private ExchangeFilterFunction recording(String name) {
		return (request, next) -> {
			this.passedThrough.add(name);
			return next.exchange(request);
		};
	}

	private static HttpStatus send(ExchangeFilterFunction filter, @Nullable String registrationId) {
		ClientRequest.Builder request = ClientRequest.create(HttpMethod.GET, URI.create("https://api.example/x"));
		if (registrationId != null) {
			request.attributes(ClientAttributes.clientRegistrationId(registrationId));
		}
		ClientResponse response = filter
			.filter(request.build(), (sent) -> Mono.just(ClientResponse.create(HttpStatus.OK).build()))
			.block(Duration.ofSeconds(5));
		return HttpStatus.valueOf(response.statusCode().value());
	}

}
