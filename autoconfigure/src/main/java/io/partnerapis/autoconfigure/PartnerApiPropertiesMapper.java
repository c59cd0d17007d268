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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerProvider;
import io.partnerapis.store.TokenKey;
import io.partnerapis.token.PartnerTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * Maps one partner's {@link PartnerApisProperties.Api properties}, presets already
 * applied, to what the token core is built from: Spring Security's
 * {@link ClientRegistration}, the settings of its {@link PartnerTokens token handling}
 * (token endpoint, renewal, quota), the {@link TokenKey} of its token in the store and
 * the headers of its API requests.
 */
final class PartnerApiPropertiesMapper {

	private static final String AUDIENCE = "audience";

	private final String name;

	private final Api api;

	PartnerApiPropertiesMapper(String name, Api api) {
		this.name = name;
		this.api = api;
	}

	/**
	 * Returns the provider of a partner: the one it names, else the one its name names,
	 * else {@link PartnerProvider#GENERIC}.
	 * @param name the partner's name
	 * @param provider the provider the partner's properties name, if any
	 * @return the provider
	 */
	static PartnerProvider provider(String name, @Nullable PartnerProvider provider) {
		return (provider != null) ? provider : PartnerProvider.forPartnerName(name);
	}

	PartnerProvider provider() {
		return provider(this.name, this.api.getProvider());
	}

	ClientRegistration registration() {
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(this.name)
			.clientName(this.name)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
		PropertyMapper map = PropertyMapper.get();
		map.from(this.api::getClientId).to(builder::clientId);
		map.from(this.api::getClientSecret).to(builder::clientSecret);
		map.from(this.api::getClientAuthenticationMethod)
			.as((method) -> new ClientAuthenticationMethod(method.name().toLowerCase(Locale.ROOT)))
			.to(builder::clientAuthenticationMethod);
		map.from(this.api::getTokenUri).to(builder::tokenUri);
		map.from(this.api::getScopes).whenNot(Set::isEmpty).to(builder::scope);
		return builder.build();
	}

	/**
	 * Applies the partner's token endpoint, renewal and quota settings to its token
	 * handling.
	 * @param tokens the partner's token handling
	 * @return the token handling
	 */
	PartnerTokens tokens(PartnerTokens tokens) {
		PartnerApisProperties.Token token = this.api.getToken();
		return tokens.provider(provider())
			.request(token.getRequestFormat(), token.getHeaders(), tokenParameters(), this.api.getClientIdHeader(),
					token.isEncodeClientCredentials())
			.response(responsePath(), this.api.getDefaultTokenLifetime())
			.retries(token.getResponseTimeout(), token.getMaxRetries(), token.getRetryBackoff())
			.renewal(token.getRenewalGrant(), this.api.getRefreshBeforeExpiry(),
					this.api.getUnauthorizedRenewalInterval(), this.api.isRetryOnUnauthorized())
			.monthlyQuota(token.getMonthlyQuota(), token.getQuotaZone());
	}

	/**
	 * Returns the names of the nested JSON objects that hold the token fields, outermost
	 * first, from {@code token.response-path}.
	 * @return the path, empty when the fields are at the top level
	 */
	List<String> responsePath() {
		String path = this.api.getToken().getResponsePath();
		return StringUtils.hasText(path) ? List.of(StringUtils.tokenizeToStringArray(path, ".")) : List.of();
	}

	/**
	 * Returns the key of the partner's token in the store, from everything that shapes
	 * the token: two partners that differ in any of it never share a token.
	 * @param clientIdentity what identifies the client's authentication without a secret
	 * @return the key
	 */
	TokenKey tokenKey(String clientIdentity) {
		return tokenKeyBuilder(clientIdentity).build();
	}

	/**
	 * Returns the builder of the key of the partner's token, holding everything that
	 * shapes the token: its {@link TokenKey.Builder#build() build()} digests it, which
	 * the first store look-up of the partner's token can do rather than the start-up.
	 * @param clientIdentity what identifies the client's authentication without a secret
	 * @return the builder
	 */
	TokenKey.Builder tokenKeyBuilder(String clientIdentity) {
		PartnerApisProperties.Token token = this.api.getToken();
		return TokenKey.builder(this.name)
			.tokenUri(this.api.getTokenUri())
			.clientId(this.api.getClientId())
			.scopes(this.api.getScopes())
			.parameters(tokenParameters())
			.headers(token.getHeaders())
			.requestFormat(token.getRequestFormat().name())
			.clientAuthentication(this.api.getClientAuthenticationMethod().name().toLowerCase(Locale.ROOT))
			.clientIdentity(clientIdentity);
	}

	/**
	 * Returns the parameters of every client-credentials token request: the audience,
	 * then the partner's {@code token.parameters.*}.
	 * @return the extra form parameters, in the order they are sent
	 */
	Map<String, String> tokenParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		PropertyMapper.get()
			.from(this.api::getAudience)
			.whenHasText()
			.to((audience) -> parameters.put(AUDIENCE, audience));
		parameters.putAll(this.api.getToken().getParameters());
		return parameters;
	}

	/**
	 * Returns the headers every API request of the partner carries: its
	 * {@code headers.*}, and its client id under {@code client-id-header} when set.
	 * @return the headers
	 */
	Map<String, String> apiHeaders() {
		Map<String, String> headers = new LinkedHashMap<>(this.api.getHeaders());
		PropertyMapper.get()
			.from(this.api::getClientIdHeader)
			.whenHasText()
			.to((header) -> headers.put(header, this.api.getClientId()));
		return headers;
	}

}
