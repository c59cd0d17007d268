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
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.security.oauth2.client.web.ClientAttributes;

/**
 * Tests for {@link PartnerRestClientHttpServiceGroupConfigurer}: which partner's
 * interceptor a request of a group that names partners goes through.
 */
class PartnerRestClientHttpServiceGroupConfigurerTests
		extends AbstractPartnerHttpServiceGroupConfigurerTests<ClientHttpRequestInterceptor> {

	@Override
	ClientHttpRequestInterceptor selecting(Map<String, ClientHttpRequestInterceptor> byName,
			@Nullable ClientHttpRequestInterceptor fallback) {
		return PartnerRestClientHttpServiceGroupConfigurer.selecting(byName, fallback);
	}

	@Override
	ClientHttpRequestInterceptor recording(String name) {
		return (request, body, execution) -> {
			this.passedThrough.add(name);
			return execution.execute(request, body);
		};
	}

	@Override
	HttpStatus send(ClientHttpRequestInterceptor interceptor, @Nullable String registrationId) throws Exception {
		MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET, URI.create("https://api.example/x"));
		if (registrationId != null) {
			ClientAttributes.clientRegistrationId(registrationId).accept(request.getAttributes());
		}
		ClientHttpRequestExecution execution = (sent, body) -> new MockClientHttpResponse(new byte[0], HttpStatus.OK);
		return HttpStatus.valueOf(interceptor.intercept(request, new byte[0], execution).getStatusCode().value());
	}

}
