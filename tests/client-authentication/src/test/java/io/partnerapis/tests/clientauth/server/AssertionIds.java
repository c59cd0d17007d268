package io.partnerapis.tests.clientauth.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects a client assertion without a {@code jti} or with one already used (RFC 7523 §3,
 * item 7): Spring Authorization Server does not check it by default.
 */
public class AssertionIds implements OAuth2TokenValidator<Jwt> {

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	@Override
	public OAuth2TokenValidatorResult validate(Jwt assertion) {
		String id = assertion.getId();
		if (id == null || id.isBlank()) {
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "The client assertion has no jti", null));
		}
		if (!this.seen.add(assertion.getSubject() + " " + id)) {
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "The client assertion was replayed", null));
		}
		return OAuth2TokenValidatorResult.success();
	}

	/**
	 * How many distinct assertions were accepted so far.
	 * @return the count
	 */
	public int count() {
		return this.seen.size();
	}

}
