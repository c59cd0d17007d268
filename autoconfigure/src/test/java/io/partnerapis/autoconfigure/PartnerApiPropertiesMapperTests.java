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

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.partnerapis.ClientAuthentication;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerProvider;
import io.partnerapis.RequestFormat;
import io.partnerapis.store.TokenKey;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PartnerApiPropertiesMapper}.
 */
class PartnerApiPropertiesMapperTests {

	@Test
	void registrationIsAClientCredentialsRegistrationNamedAfterThePartner() {
		Api api = api();
		api.setClientAuthenticationMethod(ClientAuthentication.CLIENT_SECRET_POST);
		api.setScopes(Set.of("read", "write"));
		ClientRegistration registration = new PartnerApiPropertiesMapper("acme", api).registration();
		assertThat(registration.getRegistrationId()).isEqualTo("acme");
		assertThat(registration.getClientName()).isEqualTo("acme");
		assertThat(registration.getClientId()).isEqualTo("client-acme");
		assertThat(registration.getClientSecret()).isEqualTo("secret-acme");
		assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.CLIENT_CREDENTIALS);
		assertThat(registration.getClientAuthenticationMethod())
			.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("https://auth.acme.example/token");
		assertThat(registration.getScopes()).containsExactlyInAnyOrder("read", "write");
	}

	@Test
	void tokenParametersAreTheAudienceThenTheTokenParameters() {
		Api api = api();
		api.setAudience("https://api.acme.example");
		api.getToken().getParameters().put("resource", "orders");
		assertThat(new PartnerApiPropertiesMapper("acme", api).tokenParameters())
			.containsExactly(Map.entry("audience", "https://api.acme.example"), Map.entry("resource", "orders"));
	}

	@Test
	void responsePathNamesTheNestedObjectsOutermostFirst() {
		Api api = api();
		api.getToken().setResponsePath("data.token");
		assertThat(new PartnerApiPropertiesMapper("acme", api).responsePath()).containsExactly("data", "token");
	}

	@Test
	void withoutResponsePathTheTokenFieldsAreReadAtTheTopLevel() {
		assertThat(new PartnerApiPropertiesMapper("acme", api()).responsePath()).isEmpty();
	}

	@Test
	void tokenKeyDependsOnWhatTheTokenIsIssuedForAndRevealsNoCredential() {
		Api api = api();
		Api otherClient = api();
		otherClient.setClientId("client-other");
		PartnerApiPropertiesMapper mapper = new PartnerApiPropertiesMapper("acme", api);
		assertThat(mapper.tokenKey("")).isEqualTo(new PartnerApiPropertiesMapper("acme", api()).tokenKey(""));
		assertThat(mapper.tokenKey("")).isNotEqualTo(new PartnerApiPropertiesMapper("acme", otherClient).tokenKey(""));
		assertThat(mapper.tokenKey("").toString()).doesNotContain("client-acme", "secret-acme");
	}

	@Test
	void tokenKeyDependsOnTheAssertionKeyIdOrLocationButNeverTheKey() throws Exception {
		Api byKeyId = api();
		byKeyId.setClientAuthenticationMethod(ClientAuthentication.PRIVATE_KEY_JWT);
		byKeyId.getClientAssertion().setKey("file:/etc/keys/acme.pem");
		byKeyId.getClientAssertion().setKeyId("acme-2026");
		Api byLocation = api();
		byLocation.setClientAuthenticationMethod(ClientAuthentication.PRIVATE_KEY_JWT);
		byLocation.getClientAssertion().setKey("file:/etc/keys/acme.pem");
		assertThat(ClientAuthenticationLoader.identity(byKeyId, null)).isEqualTo("acme-2026");
		assertThat(ClientAuthenticationLoader.identity(byLocation, null)).isEqualTo("file:/etc/keys/acme.pem");
		assertThat(ClientAuthenticationLoader.identity(api(), null)).isEmpty();
		TokenKey first = new PartnerApiPropertiesMapper("acme", byKeyId)
			.tokenKey(ClientAuthenticationLoader.identity(byKeyId, null));
		TokenKey second = new PartnerApiPropertiesMapper("acme", byLocation)
			.tokenKey(ClientAuthenticationLoader.identity(byLocation, null));
		assertThat(first).isNotEqualTo(second);
		assertThat(first.toString()).doesNotContain("acme-2026", "/etc/keys");
	}

	@Test
	void tokenKeyDependsOnEveryParameterHeaderRequestFormatAndClientAuthenticationMethod() {
		TokenKey base = new PartnerApiPropertiesMapper("acme", api()).tokenKey("");
		List<Consumer<Api>> changes = List.of((api) -> api.getToken().getParameters().put("resource", "orders"),
				(api) -> api.getToken().getHeaders().put("X-Tenant", "north"),
				(api) -> api.getToken().setRequestFormat(RequestFormat.JSON),
				(api) -> api.setClientAuthenticationMethod(ClientAuthentication.CLIENT_SECRET_POST),
				(api) -> api.setAudience("https://api.acme.example"));
		for (Consumer<Api> change : changes) {
			Api changed = api();
			change.accept(changed);
			assertThat(new PartnerApiPropertiesMapper("acme", changed).tokenKey("")).isNotEqualTo(base);
		}
		Api tenantNorth = api();
		tenantNorth.getToken().getHeaders().put("X-Tenant", "north");
		Api tenantSouth = api();
		tenantSouth.getToken().getHeaders().put("X-Tenant", "south");
		TokenKey north = new PartnerApiPropertiesMapper("acme", tenantNorth).tokenKey("");
		assertThat(north).isNotEqualTo(new PartnerApiPropertiesMapper("acme", tenantSouth).tokenKey(""));
		assertThat(north.toString()).doesNotContain("north", "X-Tenant");
	}

	@Test
	void apiHeadersCarryTheClientIdUnderItsHeader() {
		Api api = api();
		api.getHeaders().put("X-Api-Version", "2");
		api.setClientIdHeader("X-Client-Id");
		assertThat(new PartnerApiPropertiesMapper("acme", api).apiHeaders())
			.containsExactly(Map.entry("X-Api-Version", "2"), Map.entry("X-Client-Id", "client-acme"));
	}

	@Test
	void providerIsTheOneNamedElseTheOneThePartnerNameNamesElseGeneric() {
		Api named = api();
		named.setProvider(PartnerProvider.BUOY);
		assertThat(new PartnerApiPropertiesMapper("acme", named).provider()).isEqualTo(PartnerProvider.BUOY);
		assertThat(new PartnerApiPropertiesMapper("bud", api()).provider()).isEqualTo(PartnerProvider.BUD);
		assertThat(new PartnerApiPropertiesMapper("acme", api()).provider()).isEqualTo(PartnerProvider.GENERIC);
	}

	private static Api api() {
		Api api = new Api();
		api.setClientId("client-acme");
		api.setClientSecret("secret-acme");
		api.setTokenUri("https://auth.acme.example/token");
		api.setBaseUrl("https://api.acme.example");
		return api;
	}

}
