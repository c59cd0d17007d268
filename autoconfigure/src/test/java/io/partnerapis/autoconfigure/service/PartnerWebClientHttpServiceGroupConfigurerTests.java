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
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.web.ClientAttributes;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Tests for {@link PartnerWebClientHttpServiceGroupConfigurer}: which partner's filter a
 * request of a group that names partners goes through.
 */
class PartnerWebClientHttpServiceGroupConfigurerTests
		extends AbstractPartnerHttpServiceGroupConfigurerTests<ExchangeFilterFunction> {

	@Override
	ExchangeFilterFunction selecting(Map<String, ExchangeFilterFunction> byName,
			@Nullable ExchangeFilterFunction fallback) {
		return PartnerWebClientHttpServiceGroupConfigurer.selecting(byName, fallback);
	}

	@Override
	ExchangeFilterFunction recording(String name) {
		return (request, next) -> {
			this.passedThrough.add(name);
			return next.exchange(request);
		};
	}

	@Override
	HttpStatus send(ExchangeFilterFunction filter, @Nullable String registrationId) {
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
