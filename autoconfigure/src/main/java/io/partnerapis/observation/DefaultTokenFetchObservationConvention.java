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

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.partnerapis.observation.TokenFetchObservationDocumentation.LowCardinalityKeyNames;

/**
 * Default {@link TokenFetchObservationConvention}: the observation is named
 * {@code partner.apis.token.fetch} and carries the partner, provider, grant type, client
 * authentication method, outcome and exception. It never carries a client id, secret or
 * token.
 *
 * @since 0.1.0
 */
public class DefaultTokenFetchObservationConvention implements TokenFetchObservationConvention {

	/**
	 * Shared instance of this convention.
	 */
	public static final DefaultTokenFetchObservationConvention INSTANCE = new DefaultTokenFetchObservationConvention();

	/**
	 * Name of the observation, and of the timer it becomes.
	 */
	public static final String NAME = "partner.apis.token.fetch";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TokenFetchContext context) {
		return "token fetch " + context.getPartner();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TokenFetchContext context) {
		Throwable error = context.getError();
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.PARTNER, context.getPartner()),
				KeyValue.of(LowCardinalityKeyNames.PROVIDER, context.getProvider().id()),
				KeyValue.of(LowCardinalityKeyNames.GRANT_TYPE, context.getGrantType()),
				KeyValue.of(LowCardinalityKeyNames.CLIENT_AUTHENTICATION_METHOD,
						context.getClientAuthenticationMethod()),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, (error != null) ? "failure" : "success"), KeyValue
					.of(LowCardinalityKeyNames.EXCEPTION, (error != null) ? error.getClass().getSimpleName() : NONE));
	}

}
