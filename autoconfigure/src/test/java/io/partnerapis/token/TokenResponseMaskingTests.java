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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenResponseMasking}.
 */
class TokenResponseMaskingTests {

	private final TokenResponseMasking masking = new TokenResponseMasking("client-acme-7", "S3cret-acme-value");

	@Test
	void tokenValuesInJsonAreMasked() {
		assertThat(this.masking.mask("{\"access_token\":\"tok-A\",\"Refresh_Token\" : \"tok-B\",\"token\":\"tok-C\","
				+ "\"client_assertion\":\"tok-D\",\"scope\":\"read\"}"))
			.isEqualTo("{\"access_token\":\"****\",\"Refresh_Token\" : \"****\",\"token\":\"****\","
					+ "\"client_assertion\":\"****\",\"scope\":\"read\"}");
	}

	@Test
	void tokenValuesInAFormAreMasked() {
		assertThat(this.masking.mask("grant_type=x&id_token=tok-A&client_secret=tok-B more"))
			.isEqualTo("grant_type=x&id_token=****&client_secret=**** more");
	}

	@Test
	void bearerAndBasicCredentialsAreMasked() {
		assertThat(this.masking.mask("Authorization: Basic Y2xpZW50OnNlY3JldA== then bearer abc.def-1"))
			.isEqualTo("Authorization: Basic **** then bearer ****");
	}

	@Test
	void jwtAndTheStartOfOneAreMasked() {
		assertThat(this.masking.mask("assertion eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln, cut eyJhbGciOi"))
			.isEqualTo("assertion ****, cut ****");
	}

	@Test
	void clientSecretIsMaskedAndClientIdIsNamed() {
		assertThat(this.masking.mask("bad secret S3cret-acme-value for client-acme-7"))
			.isEqualTo("bad secret **** for <client-id>");
	}

	@Test
	void textWithoutSecretsIsUnchanged() {
		assertThat(new TokenResponseMasking(null, "").mask("{\"error\":\"invalid_grant\"}"))
			.isEqualTo("{\"error\":\"invalid_grant\"}");
	}

}
