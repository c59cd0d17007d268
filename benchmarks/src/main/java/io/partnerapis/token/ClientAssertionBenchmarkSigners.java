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
