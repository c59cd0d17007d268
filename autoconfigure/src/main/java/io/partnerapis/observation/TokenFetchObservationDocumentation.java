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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the observations of partner-apis. With Spring Boot's default meter handler
 * each becomes a timer of the same name, and a span when tracing is present.
 *
 * @since 0.1.0
 */
public enum TokenFetchObservationDocumentation implements ObservationDocumentation {

	/**
	 * One request to a partner's token endpoint, retries included.
	 */
	TOKEN_FETCH {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTokenFetchObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys of a token request. Every key is always present.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Name of the partner.
		 */
		PARTNER {
			@Override
			public String asString() {
				return "partner";
			}
		},

		/**
		 * Provider preset of the partner.
		 */
		PROVIDER {
			@Override
			public String asString() {
				return "provider";
			}
		},

		/**
		 * OAuth2 grant type: {@code client_credentials} or {@code refresh_token}.
		 */
		GRANT_TYPE {
			@Override
			public String asString() {
				return "grant.type";
			}
		},

		/**
		 * How the client authenticates, as OAuth2 names it, such as
		 * {@code client_secret_basic} or {@code private_key_jwt}.
		 */
		CLIENT_AUTHENTICATION_METHOD {
			@Override
			public String asString() {
				return "client.authentication.method";
			}
		},

		/**
		 * {@code success} when a usable token came back, else {@code failure}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * Simple class name of the failure, or {@code none}.
		 */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

}
