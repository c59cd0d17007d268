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

package io.partnerapis.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafeUrls}.
 */
class SafeUrlsTests {

	@Test
	void urlWithoutSecretsIsShownAsItIs() {
		assertThat(SafeUrls.describe("https://api.acme.example:8443/v1/things"))
			.isEqualTo("https://api.acme.example:8443/v1/things");
	}

	@Test
	void userInformationIsHidden() {
		assertThat(SafeUrls.describe("https://user:secret@api.acme.example/v1"))
			.isEqualTo("https://…@api.acme.example/v1");
		assertThat(SafeUrls.describe("https://user:p@ss@api.acme.example")).isEqualTo("https://…@api.acme.example");
	}

	@Test
	void queryAndFragmentAreHidden() {
		assertThat(SafeUrls.describe("https://api.acme.example/v1?api_key=secret"))
			.isEqualTo("https://api.acme.example/v1?…");
		assertThat(SafeUrls.describe("https://api.acme.example/v1#secret")).isEqualTo("https://api.acme.example/v1#…");
	}

	@Test
	void malformedUrlsAreHandledTheSameWay() {
		assertThat(SafeUrls.describe("https://user:secret@api acme example/?key=secret"))
			.isEqualTo("https://…@api acme example/?…");
		assertThat(SafeUrls.describe("user:secret@host")).isEqualTo("…@host");
		assertThat(SafeUrls.describe("/oauth/token")).isEqualTo("/oauth/token");
	}

	@Test
	void anAtSignInThePathIsNotUserInformation() {
		assertThat(SafeUrls.describe("https://api.acme.example/users/@me"))
			.isEqualTo("https://api.acme.example/users/@me");
	}

}
