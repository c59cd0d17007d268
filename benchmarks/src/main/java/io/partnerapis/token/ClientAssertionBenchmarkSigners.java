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

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;

import org.springframework.util.MultiValueMap;

/**
 * Gives the benchmarks the starter's package-private client assertion signer, which the
 * auto-configuration reaches through {@link PartnerTokens#clientAssertion}, so that they
 * measure exactly what a token request pays.
 */
public final class ClientAssertionBenchmarkSigners {

	private ClientAssertionBenchmarkSigners() {
	}

	/**
	 * Returns what builds the client assertion parameters of one token request, as the
	 * starter's signer does.
	 * @param partner the partner's name
	 * @param clientId the client id
	 * @param audience the audience
	 * @param lifetime the lifetime
	 * @param signer the Nimbus signer
	 * @param header the JWS header
	 * @param clock the clock that dates assertions
	 * @return a supplier of {@code client_assertion} and {@code client_assertion_type}
	 */
	public static Supplier<MultiValueMap<String, String>> parameters(String partner, String clientId, String audience,
			Duration lifetime, JWSSigner signer, JWSHeader header, Clock clock) {
		return new ClientAssertionSigner(partner, clientId, audience, lifetime, signer, header, clock)::parameters;
	}

}
