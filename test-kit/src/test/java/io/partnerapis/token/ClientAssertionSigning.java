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
