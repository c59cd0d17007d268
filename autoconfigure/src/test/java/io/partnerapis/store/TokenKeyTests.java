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

package io.partnerapis.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenKey}.
 */
class TokenKeyTests {

	private static TokenKey.Builder base() {
		return TokenKey.builder("acme").tokenUri("https://auth.acme.example/token").clientId("client-acme");
	}

	@Test
	void everyComponentChangesTheFingerprint() {
		TokenKey key = base().build();
		List<TokenKey> changed = List.of(base().scopes(Set.of("read")).build(),
				base().parameters(Map.of("resource", "orders")).build(),
				base().headers(Map.of("X-Tenant", "north")).build(), base().requestFormat("JSON").build(),
				base().clientAuthentication("client_secret_post").build(), base().clientIdentity("kid-1").build());
		assertThat(changed).doesNotContain(key).doesNotHaveDuplicates();
	}

	@Test
	void valuesOfParametersAndHeadersChangeTheFingerprint() {
		assertThat(base().parameters(Map.of("resource", "orders")).build())
			.isNotEqualTo(base().parameters(Map.of("resource", "invoices")).build());
		assertThat(base().headers(Map.of("X-Tenant", "north")).build())
			.isNotEqualTo(base().headers(Map.of("X-Tenant", "south")).build());
	}

	@Test
	void orderOfScopesAndParametersAndCaseOfHeaderNamesDoNotMatter() {
		assertThat(base().scopes(List.of("b", "a")).build()).isEqualTo(base().scopes(List.of("a", "b")).build());
		assertThat(base().parameters(Map.of("a", "1", "b", "2")).build())
			.isEqualTo(base().parameters(Map.of("b", "2", "a", "1")).build());
		assertThat(base().headers(Map.of("X-Tenant", "north")).build())
			.isEqualTo(base().headers(Map.of("x-tenant", "north")).build());
	}

	@Test
	void componentsCannotBeConfusedByWhereTheirTextIsSplit() {
		assertThat(base().parameters(Map.of("a", "b1:c")).build())
			.isNotEqualTo(base().parameters(Map.of("ab", "1:c")).build());
		assertThat(base().parameters(Map.of("resource", "x")).build())
			.isNotEqualTo(base().headers(Map.of("resource", "x")).build());
	}

	@Test
	void absentComponentsAddNothing() {
		assertThat(base().clientIdentity(null).requestFormat("").scopes(Set.of()).build()).isEqualTo(base().build());
		assertThat(TokenKey.of("acme", "https://auth.acme.example/token", "client-acme", Set.of("read"), "aud"))
			.isEqualTo(base().scopes(Set.of("read")).parameters(Map.of("audience", "aud")).build());
	}

	@Test
	void keyRevealsNoValue() {
		TokenKey key = base().headers(Map.of("X-Api-Key", "secret-value"))
			.parameters(Map.of("resource", "orders"))
			.build();
		assertThat(key.toString()).doesNotContain("secret-value", "orders", "client-acme", "X-Api-Key");
		assertThat(key.fingerprint()).matches("[0-9a-f]{32}");
	}

}
