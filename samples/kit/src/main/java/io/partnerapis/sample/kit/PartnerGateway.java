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

package io.partnerapis.sample.kit;

import java.time.Duration;
import java.util.Map;

import io.partnerapis.PartnerApis;

import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Reads a partner's summary record through the partner's WebClient, the way application
 * code does, and turns any failure into a {@link PartnerUnavailableException} that names
 * the partner.
 */
@Service
public class PartnerGateway {

	private static final Map<String, String> PATHS = Map.of("budsense", "/v1/products", "bud", "/v1/accounts", "bemobi",
			"/v1/invoices", "smartsense", "/v1/sensors", "buoy", "/v1/conditions");

	private final PartnerApis partners;

	public PartnerGateway(PartnerApis partners) {
		this.partners = partners;
	}

	/**
	 * Returns the partner's summary record as JSON text.
	 * @param partner the partner's name
	 * @return the record
	 * @throws PartnerUnavailableException if the partner cannot be reached
	 */
	public String summary(String partner) {
		WebClient client = this.partners.webClient(partner);
		try {
			return client.get()
				.uri(PATHS.get(partner))
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30));
		}
		catch (WebClientResponseException ex) {
			throw new PartnerUnavailableException(partner, "answered " + ex.getStatusCode().value(), ex);
		}
		catch (RuntimeException ex) {
			throw new PartnerUnavailableException(partner, ex.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Thrown when a partner's record cannot be read.
	 */
	public static class PartnerUnavailableException extends RuntimeException {

		PartnerUnavailableException(String partner, String reason, Throwable cause) {
			super("Partner '" + partner + "' is unavailable: " + reason, cause);
		}

	}

}
