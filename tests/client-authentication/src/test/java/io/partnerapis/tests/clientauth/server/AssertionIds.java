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
