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
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.partnerapis.PartnerTokenException;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.Assert;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Signs the JWT a client authenticates with under {@code private_key_jwt} or
 * {@code client_secret_jwt}, {@linkplain #sign() one for every token request}, with
 * Nimbus JOSE. It holds its key and never shows it or an assertion in
 * {@link #toString()}. Spring Security's
 * {@code NimbusJwtClientAuthenticationParametersConverter} needs the key as a full JWK,
 * public part included, which a PKCS#8 EC private key does not carry; this signer needs
 * the private key only.
 */
final class ClientAssertionSigner {

	/**
	 * The {@code client_assertion_type} of a JWT client assertion.
	 */
	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final String partner;

	private final String clientId;

	private final String audience;

	private final Duration lifetime;

	private final JWSSigner signer;

	private final JWSHeader header;

	private final Clock clock;

	/**
	 * Creates a new signer.
	 * @param partner the partner's name
	 * @param clientId the client id, the assertion's issuer and subject
	 * @param audience the assertion's audience
	 * @param lifetime the time from an assertion's issue to its expiry
	 * @param signer the Nimbus signer that holds the key
	 * @param header the JWS header of every assertion: algorithm and key id
	 * @param clock the clock that dates assertions
	 */
	ClientAssertionSigner(String partner, String clientId, String audience, Duration lifetime, JWSSigner signer,
			JWSHeader header, Clock clock) {
		Assert.hasText(clientId, "'clientId' must not be empty");
		Assert.hasText(audience, "'audience' must not be empty");
		Assert.isTrue(!lifetime.isNegative() && !lifetime.isZero(), "'lifetime' must be positive");
		this.partner = partner;
		this.clientId = clientId;
		this.audience = audience;
		this.lifetime = lifetime;
		this.signer = signer;
		this.header = header;
		this.clock = clock;
	}

	/**
	 * Returns the parameters that authenticate one token request: a newly signed
	 * {@code client_assertion} and its {@code client_assertion_type}.
	 * @return the parameters
	 * @throws PartnerTokenException if the assertion cannot be signed
	 */
	MultiValueMap<String, String> parameters() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(2);
		parameters.set(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE, JWT_BEARER);
		parameters.set(OAuth2ParameterNames.CLIENT_ASSERTION, sign());
		return parameters;
	}

	/**
	 * Signs a new assertion, as RFC 7523 section 3 describes: the client id as
	 * {@code iss} and {@code sub}, the audience, {@code iat} and {@code exp} from the
	 * clock, and a fresh {@code jti}, so that every token request, retries included,
	 * carries its own.
	 * @return the assertion in its compact serialization
	 * @throws PartnerTokenException if it cannot be signed
	 */
	String sign() {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.clientId)
			.subject(this.clientId)
			.audience(this.audience)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.lifetime)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(this.header, claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new PartnerTokenException(this.partner, null,
					new OAuth2Error("invalid_client_assertion", "Client assertion could not be signed", null),
					"Client assertion for partner '" + this.partner + "' could not be signed with "
							+ this.header.getAlgorithm() + ": " + ex.getClass().getSimpleName(),
					null);
		}
		return jwt.serialize();
	}

	/**
	 * Describes this signer by its algorithm, key id and audience, never its key.
	 */
	@Override
	public String toString() {
		return "ClientAssertionSigner[partner=" + this.partner + ", algorithm=" + this.header.getAlgorithm()
				+ ", keyId=" + this.header.getKeyID() + ", audience=" + this.audience + ", lifetime=" + this.lifetime
				+ "]";
	}

}
