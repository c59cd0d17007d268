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

import java.net.URI;

import io.partnerapis.PartnerApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PartnerOrigin}.
 */
class PartnerOriginTests {

	@Test
	void containsTheSameSchemeHostAndPortWithoutRegardToCaseOrDefaultPorts() {
		PartnerOrigin origin = PartnerOrigin.of("acme", URI.create("HTTPS://API.Acme.example/v1"));
		assertThat(origin.contains(URI.create("https://api.acme.example/orders"))).isTrue();
		assertThat(origin.contains(URI.create("https://api.acme.example:443/orders"))).isTrue();
		assertThat(origin.contains(URI.create("http://api.acme.example/orders"))).as("scheme").isFalse();
		assertThat(origin.contains(URI.create("https://api.acme.example:8443/orders"))).as("port").isFalse();
		assertThat(origin.contains(URI.create("https://api.acme.example.evil.example/orders"))).as("host").isFalse();
		assertThat(origin.contains(URI.create("/orders"))).as("relative").isFalse();
	}

	@Test
	void containsAnIpv6Host() {
		PartnerOrigin origin = PartnerOrigin.of("acme", URI.create("http://[::ABCD]:8080"));
		assertThat(origin.contains(URI.create("http://[::abcd]:8080/things"))).isTrue();
		assertThat(origin.contains(URI.create("http://[::abce]:8080/things"))).isFalse();
		assertThat(origin).hasToString("http://[::abcd]:8080");
	}

	@Test
	void refusalNamesBothOriginsAndTheProperty() {
		PartnerOrigin origin = PartnerOrigin.of("acme", URI.create("https://api.acme.example"));
		assertThatExceptionOfType(PartnerApiException.class)
			.isThrownBy(() -> origin.check("GET", URI.create("http://api.acme.example/things?token=x"), "WebClient"))
			.withMessage("Partner 'acme' WebClient refused a GET request to http://api.acme.example:80: its tokens "
					+ "are only sent to https://api.acme.example:443, the origin of 'partner.apis.acme.base-url'. "
					+ "Use a relative URI, or another WebClient for other hosts.");
	}

}
