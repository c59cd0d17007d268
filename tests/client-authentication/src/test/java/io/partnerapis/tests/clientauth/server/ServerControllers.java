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

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resource server's API and the clients' JWK sets.
 */
@RestController
class ServerControllers {

	private final ClientJwkSets jwkSets;

	ServerControllers(ClientJwkSets jwkSets) {
		this.jwkSets = jwkSets;
	}

	/**
	 * Who called: the token's subject and, for a certificate-bound token, its thumbprint.
	 * @param jwt the validated token
	 * @return the caller
	 */
	@GetMapping("/api/caller")
	Map<String, Object> caller(@AuthenticationPrincipal Jwt jwt) {
		Map<String, Object> caller = new LinkedHashMap<>();
		caller.put("sub", jwt.getSubject());
		Map<String, Object> cnf = jwt.getClaimAsMap("cnf");
		if (cnf != null) {
			caller.put("x5t#S256", cnf.get("x5t#S256"));
		}
		return caller;
	}

	@GetMapping("/clients/{clientId}/jwks.json")
	ResponseEntity<String> jwkSet(@PathVariable String clientId) {
		String jwkSet = this.jwkSets.jwkSet(clientId);
		return (jwkSet != null) ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(jwkSet)
				: ResponseEntity.notFound().build();
	}

}
