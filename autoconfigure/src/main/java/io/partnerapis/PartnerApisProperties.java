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

package io.partnerapis;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the partner APIs an application calls, one entry under
 * {@code partner.apis} per partner.
 *
 * <p>
 * Values come from three levels: the field initialisers below, the preset of the
 * partner's {@link Api#getProvider() provider}, and the application's own properties,
 * each overriding the one before.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("partner")
public class PartnerApisProperties {

	/**
	 * Partner APIs by name, which becomes the client registration id, the qualifier of
	 * the partner's WebClient and the tag of its metrics.
	 */
	private final Map<String, Api> apis = new LinkedHashMap<>();

	/**
	 * Where partner tokens are kept beside each instance's memory, and how instances
	 * share them.
	 */
	private final TokenStore tokenStore = new TokenStore();

	public Map<String, Api> getApis() {
		return this.apis;
	}

	public TokenStore getTokenStore() {
		return this.tokenStore;
	}

	/**
	 * The store of the partners' tokens.
	 */
	public static class TokenStore {

		/**
		 * Where tokens are kept: in each instance's memory, or in Redis, shared by every
		 * instance that uses the same Redis, key prefix and credentials.
		 */
		private Type type = Type.MEMORY;

		/**
		 * Prefix of the Redis keys and of the Redis channel the token store uses.
		 */
		private String keyPrefix = "partner-apis";

		/**
		 * Key that encrypts the tokens stored in Redis with AES-256-GCM, base64 of 32
		 * random bytes; without one, tokens are stored in clear.
		 */
		private @Nullable String encryptionKey;

		/**
		 * Encryption keys used before the current one, read but never written, so that
		 * tokens they encrypted stay usable until they expire.
		 */
		private List<String> previousEncryptionKeys = new ArrayList<>();

		/**
		 * Longest time a token store operation may take; a store that fails or takes
		 * longer counts as holding nothing, and calls go on with tokens kept in memory.
		 */
		private Duration timeout = Duration.ofMillis(500);

		public Type getType() {
			return this.type;
		}

		public void setType(Type type) {
			this.type = type;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public @Nullable String getEncryptionKey() {
			return this.encryptionKey;
		}

		public void setEncryptionKey(@Nullable String encryptionKey) {
			this.encryptionKey = encryptionKey;
		}

		public List<String> getPreviousEncryptionKeys() {
			return this.previousEncryptionKeys;
		}

		public void setPreviousEncryptionKeys(List<String> previousEncryptionKeys) {
			this.previousEncryptionKeys = previousEncryptionKeys;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Where tokens are kept.
		 */
		public enum Type {

			/**
			 * In each instance's memory.
			 */
			MEMORY,

			/**
			 * In Redis, through Spring Data Redis, shared by the fleet.
			 */
			REDIS

		}

	}

	/**
	 * One partner API and the OAuth2 client-credentials registration that protects it.
	 */
	public static class Api {

		private static final Duration DEFAULT_REFRESH_BEFORE_EXPIRY = Duration.ofSeconds(60);

		private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);

		private static final Duration DEFAULT_UNAUTHORIZED_RENEWAL_INTERVAL = Duration.ofSeconds(30);

		/**
		 * Provider preset to apply, by default the one the partner's name names, else
		 * 'generic'.
		 */
		private @Nullable PartnerProvider provider;

		/**
		 * Partner environment whose hosts the provider preset uses.
		 */
		private PartnerEnvironment environment = PartnerEnvironment.PRODUCTION;

		/**
		 * OAuth2 client id issued by the partner.
		 */
		private @Nullable String clientId;

		/**
		 * OAuth2 client secret issued by the partner.
		 */
		private @Nullable String clientSecret;

		/**
		 * Absolute URI of the partner's token endpoint.
		 */
		private @Nullable String tokenUri;

		/**
		 * Absolute base URL of the partner's API, which relative request URIs are
		 * resolved against and the only origin tokens are sent to.
		 */
		private @Nullable String baseUrl;

		/**
		 * Scopes to request with each token.
		 */
		private Set<String> scopes = new LinkedHashSet<>();

		/**
		 * Audience to request, sent as the 'audience' token-request parameter.
		 */
		private @Nullable String audience;

		/**
		 * How the client authenticates to the token endpoint.
		 */
		private ClientAuthentication clientAuthenticationMethod = ClientAuthentication.CLIENT_SECRET_BASIC;

		/**
		 * How long before its expiry a token is renewed in the background, though never
		 * before half of its lifetime has passed.
		 */
		private Duration refreshBeforeExpiry = DEFAULT_REFRESH_BEFORE_EXPIRY;

		/**
		 * Lifetime assumed for a token whose response carries no 'expires_in'.
		 */
		private Duration defaultTokenLifetime = DEFAULT_TOKEN_LIFETIME;

		/**
		 * Whether a request answered with 401 Unauthorized is replayed once with a fresh
		 * token.
		 */
		private boolean retryOnUnauthorized = true;

		/**
		 * Shortest time between two renewals forced by 401 answers, which grows while
		 * forced renewals do not cure them.
		 */
		private Duration unauthorizedRenewalInterval = DEFAULT_UNAUTHORIZED_RENEWAL_INTERVAL;

		/**
		 * Whether the token URI and base URL may use plain 'http' for a host that is not
		 * loopback, which sends the client secret and tokens in clear and is meant for
		 * tests only.
		 */
		private boolean allowInsecureHttp;

		/**
		 * Signed JWT that authenticates the client with 'private-key-jwt' or
		 * 'client-secret-jwt'.
		 */
		private final ClientAssertion clientAssertion = new ClientAssertion();

		/**
		 * TLS of the partner's token requests and API calls.
		 */
		private final Ssl ssl = new Ssl();

		/**
		 * Token endpoint exchange.
		 */
		private final Token token = new Token();

		/**
		 * Headers added to every API request, by name.
		 */
		private final Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Name of a header that carries the client id on every API request and on
		 * refresh-token requests.
		 */
		private @Nullable String clientIdHeader;

		public @Nullable PartnerProvider getProvider() {
			return this.provider;
		}

		public void setProvider(@Nullable PartnerProvider provider) {
			this.provider = provider;
		}

		public PartnerEnvironment getEnvironment() {
			return this.environment;
		}

		public void setEnvironment(PartnerEnvironment environment) {
			this.environment = environment;
		}

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public @Nullable String getTokenUri() {
			return this.tokenUri;
		}

		public void setTokenUri(@Nullable String tokenUri) {
			this.tokenUri = tokenUri;
		}

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public Set<String> getScopes() {
			return this.scopes;
		}

		public void setScopes(Set<String> scopes) {
			this.scopes = scopes;
		}

		public @Nullable String getAudience() {
			return this.audience;
		}

		public void setAudience(@Nullable String audience) {
			this.audience = audience;
		}

		public ClientAuthentication getClientAuthenticationMethod() {
			return this.clientAuthenticationMethod;
		}

		public void setClientAuthenticationMethod(ClientAuthentication clientAuthenticationMethod) {
			this.clientAuthenticationMethod = clientAuthenticationMethod;
		}

		public Duration getRefreshBeforeExpiry() {
			return this.refreshBeforeExpiry;
		}

		public void setRefreshBeforeExpiry(Duration refreshBeforeExpiry) {
			this.refreshBeforeExpiry = refreshBeforeExpiry;
		}

		public Duration getDefaultTokenLifetime() {
			return this.defaultTokenLifetime;
		}

		public void setDefaultTokenLifetime(Duration defaultTokenLifetime) {
			this.defaultTokenLifetime = defaultTokenLifetime;
		}

		public boolean isRetryOnUnauthorized() {
			return this.retryOnUnauthorized;
		}

		public void setRetryOnUnauthorized(boolean retryOnUnauthorized) {
			this.retryOnUnauthorized = retryOnUnauthorized;
		}

		public Duration getUnauthorizedRenewalInterval() {
			return this.unauthorizedRenewalInterval;
		}

		public void setUnauthorizedRenewalInterval(Duration unauthorizedRenewalInterval) {
			this.unauthorizedRenewalInterval = unauthorizedRenewalInterval;
		}

		public boolean isAllowInsecureHttp() {
			return this.allowInsecureHttp;
		}

		public void setAllowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
		}

		public ClientAssertion getClientAssertion() {
			return this.clientAssertion;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		public Token getToken() {
			return this.token;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public @Nullable String getClientIdHeader() {
			return this.clientIdHeader;
		}

		public void setClientIdHeader(@Nullable String clientIdHeader) {
			this.clientIdHeader = clientIdHeader;
		}

	}

	/**
	 * The JWT a client signs to authenticate itself, as RFC 7523 section 2.2 describes.
	 */
	public static class ClientAssertion {

		private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

		/**
		 * Location of the private key that signs assertions with 'private-key-jwt': a
		 * PKCS#8 PEM file or a JWK in JSON, such as 'file:/etc/keys/partner.pem'.
		 */
		private @Nullable String key;

		/**
		 * Key id sent as the assertion's 'kid' header, by default the JWK's when the key
		 * is one.
		 */
		private @Nullable String keyId;

		/**
		 * JWS algorithm that signs assertions, by default the key's: RS256 for RSA, ES256
		 * for P-256, ES384 for P-384, HS256 for 'client-secret-jwt'.
		 */
		private @Nullable SigningAlgorithm algorithm;

		/**
		 * Audience of the assertion, its 'aud' claim, by default the token URI.
		 */
		private @Nullable String audience;

		/**
		 * Time from an assertion's issue to its expiry.
		 */
		private Duration lifetime = DEFAULT_LIFETIME;

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

		public @Nullable String getKeyId() {
			return this.keyId;
		}

		public void setKeyId(@Nullable String keyId) {
			this.keyId = keyId;
		}

		public @Nullable SigningAlgorithm getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(@Nullable SigningAlgorithm algorithm) {
			this.algorithm = algorithm;
		}

		public @Nullable String getAudience() {
			return this.audience;
		}

		public void setAudience(@Nullable String audience) {
			this.audience = audience;
		}

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

	}

	/**
	 * TLS settings of one partner.
	 */
	public static class Ssl {

		/**
		 * Name of the Spring Boot SSL bundle, configured under 'spring.ssl.bundle', used
		 * for the partner's token requests and API calls: its key and certificate
		 * authenticate the client, its trust material checks the partner's certificate.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * How token requests are sent and token responses are read.
	 */
	public static class Token {

		private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

		private static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

		private static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);

		private static final ZoneId UTC = ZoneId.of("UTC");

		/**
		 * Format of the token request body.
		 */
		private RequestFormat requestFormat = RequestFormat.FORM;

		/**
		 * Dot-separated path of the JSON object in the token response that holds the
		 * token fields, for partners that wrap them, empty when they are at the top
		 * level.
		 */
		private @Nullable String responsePath;

		/**
		 * Grant used to renew a token: 'client_credentials' fetches a new one,
		 * 'refresh_token' uses the refresh token of the last response and falls back to a
		 * new client-credentials grant whenever that fails; a refresh token that failed
		 * is never sent again.
		 */
		private RenewalGrant renewalGrant = RenewalGrant.CLIENT_CREDENTIALS;

		/**
		 * Headers added to every token request, by name.
		 */
		private final Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Parameters added to every client-credentials token request, by name.
		 */
		private final Map<String, String> parameters = new LinkedHashMap<>();

		/**
		 * Whether the client id and secret are URL-encoded before they go into an HTTP
		 * Basic header, as RFC 6749 section 2.3.1 says and some token endpoints do not
		 * expect.
		 */
		private boolean encodeClientCredentials = true;

		/**
		 * Connect timeout for token requests.
		 */
		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		/**
		 * Time to wait for a token response, per attempt.
		 */
		private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

		/**
		 * How many times a token request that failed with a 5xx answer, a connection
		 * error or a timeout is retried, 4xx answers never being retried.
		 */
		private int maxRetries = 2;

		/**
		 * Delay before the first retry of a token request; later retries back off
		 * exponentially, with jitter.
		 */
		private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;

		/**
		 * Most tokens the partner issues per calendar month in 'quota-zone', counted for
		 * the whole fleet with the Redis token store and per instance otherwise,
		 * unlimited when absent.
		 */
		private @Nullable Integer monthlyQuota;

		/**
		 * Time zone in which the partner's quota month starts.
		 */
		private ZoneId quotaZone = UTC;

		public RequestFormat getRequestFormat() {
			return this.requestFormat;
		}

		public void setRequestFormat(RequestFormat requestFormat) {
			this.requestFormat = requestFormat;
		}

		public @Nullable String getResponsePath() {
			return this.responsePath;
		}

		public void setResponsePath(@Nullable String responsePath) {
			this.responsePath = responsePath;
		}

		public RenewalGrant getRenewalGrant() {
			return this.renewalGrant;
		}

		public void setRenewalGrant(RenewalGrant renewalGrant) {
			this.renewalGrant = renewalGrant;
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public Map<String, String> getParameters() {
			return this.parameters;
		}

		public boolean isEncodeClientCredentials() {
			return this.encodeClientCredentials;
		}

		public void setEncodeClientCredentials(boolean encodeClientCredentials) {
			this.encodeClientCredentials = encodeClientCredentials;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getRetryBackoff() {
			return this.retryBackoff;
		}

		public void setRetryBackoff(Duration retryBackoff) {
			this.retryBackoff = retryBackoff;
		}

		public @Nullable Integer getMonthlyQuota() {
			return this.monthlyQuota;
		}

		public void setMonthlyQuota(@Nullable Integer monthlyQuota) {
			this.monthlyQuota = monthlyQuota;
		}

		public ZoneId getQuotaZone() {
			return this.quotaZone;
		}

		public void setQuotaZone(ZoneId quotaZone) {
			this.quotaZone = quotaZone;
		}

	}

	/**
	 * Partner environments whose hosts a provider preset knows.
	 */
	public enum PartnerEnvironment {

		/**
		 * Live hosts.
		 */
		PRODUCTION,

		/**
		 * Sandbox hosts for development and testing.
		 */
		SANDBOX;

		/**
		 * Returns the name of this environment as written in configuration.
		 * @return the lower-case environment id
		 */
		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * JWS algorithm that signs a client assertion.
	 */
	public enum SigningAlgorithm {

		/**
		 * RSASSA-PKCS1-v1_5 with SHA-256.
		 */
		RS256,

		/**
		 * RSASSA-PKCS1-v1_5 with SHA-384.
		 */
		RS384,

		/**
		 * RSASSA-PKCS1-v1_5 with SHA-512.
		 */
		RS512,

		/**
		 * RSASSA-PSS with SHA-256.
		 */
		PS256,

		/**
		 * RSASSA-PSS with SHA-384.
		 */
		PS384,

		/**
		 * RSASSA-PSS with SHA-512.
		 */
		PS512,

		/**
		 * ECDSA on P-256 with SHA-256.
		 */
		ES256,

		/**
		 * ECDSA on P-384 with SHA-384.
		 */
		ES384,

		/**
		 * HMAC with SHA-256.
		 */
		HS256,

		/**
		 * HMAC with SHA-384.
		 */
		HS384,

		/**
		 * HMAC with SHA-512.
		 */
		HS512

	}

}
