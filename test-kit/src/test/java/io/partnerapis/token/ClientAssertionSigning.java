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

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;

/**
 * Signs client assertions with the starter's own package-private signer, so that the
 * stand-in's tests check what the starter really sends.
 */
public final class ClientAssertionSigning {

	/**
	 * The {@code client_assertion_type} of a JWT client assertion.
	 */
	public static final String JWT_BEARER = ClientAssertionSigner.JWT_BEARER;

	private ClientAssertionSigning() {
	}

	/**
	 * Signs one assertion as the starter does.
	 * @param partner the partner's name
	 * @param clientId the client id
	 * @param audience the audience
	 * @param lifetime the lifetime
	 * @param signer the Nimbus signer
	 * @param header the JWS header
	 * @param clock the clock that dates the assertion
	 * @return the assertion in its compact serialization
	 */
	public static String sign(String partner, String clientId, String audience, Duration lifetime, JWSSigner signer,
			JWSHeader header, Clock clock) {
		return new ClientAssertionSigner(partner, clientId, audience, lifetime, signer, header, clock).sign();
	}

}
