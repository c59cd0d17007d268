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

package io.partnerapis.observation;

import io.micrometer.observation.Observation;
import io.partnerapis.PartnerProvider;

/**
 * {@link Observation.Context} of one token request to a partner's token endpoint.
 *
 * @since 0.1.0
 */
public class TokenFetchContext extends Observation.Context {

	private final String partner;

	private final PartnerProvider provider;

	private final String grantType;

	private final String clientAuthenticationMethod;

	/**
	 * Creates a new context.
	 * @param partner the partner's name
	 * @param provider the partner's provider preset
	 * @param grantType the OAuth2 grant type of the request
	 * @param clientAuthenticationMethod how the client authenticates, as OAuth2 names it
	 */
	public TokenFetchContext(String partner, PartnerProvider provider, String grantType,
			String clientAuthenticationMethod) {
		this.partner = partner;
		this.provider = provider;
		this.grantType = grantType;
		this.clientAuthenticationMethod = clientAuthenticationMethod;
	}

	/**
	 * Returns the name of the partner whose token is fetched.
	 * @return the partner's name
	 */
	public String getPartner() {
		return this.partner;
	}

	/**
	 * Returns the partner's provider preset.
	 * @return the provider
	 */
	public PartnerProvider getProvider() {
		return this.provider;
	}

	/**
	 * Returns the OAuth2 grant type of the request.
	 * @return {@code client_credentials} or {@code refresh_token}
	 */
	public String getGrantType() {
		return this.grantType;
	}

	/**
	 * Returns how the client authenticates to the token endpoint.
	 * @return the method as OAuth2 names it, such as {@code private_key_jwt}
	 */
	public String getClientAuthenticationMethod() {
		return this.clientAuthenticationMethod;
	}

}
