package io.partnerapis;

import io.partnerapis.token.cache.PartnerTokenCache;
import io.partnerapis.token.cache.TokenState;
import io.partnerapis.webclient.PartnerAuthorizationFilter;
import io.partnerapis.webclient.UnauthorizedRetryOutcome;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One configured partner API: its WebClient, and read-only views of its configuration and
 * token state for health checks, metrics and management endpoints. Never exposes a client
 * secret or a token.
 *
 * @author partner-apis
 */
public final class PartnerApi {

	private final String name;

	private final PartnerProvider provider;

	private final ClientRegistration registration;

	private final String baseUrl;

	private final WebClient webClient;

	private final PartnerTokenCache tokens;

	private final PartnerAuthorizationFilter filter;

	/**
	 * Creates a new partner API.
	 * @param name the partner's name
	 * @param provider the partner's provider preset
	 * @param registration the partner's client registration
	 * @param baseUrl the partner's base URL
	 * @param webClient the partner's WebClient
	 * @param tokens the partner's token cache
	 * @param filter the authorization filter of the partner's WebClient
	 */
	public PartnerApi(String name, PartnerProvider provider, ClientRegistration registration, String baseUrl,
			WebClient webClient, PartnerTokenCache tokens, PartnerAuthorizationFilter filter) {
		this.name = name;
		this.provider = provider;
		this.registration = registration;
		this.baseUrl = baseUrl;
		this.webClient = webClient;
		this.tokens = tokens;
		this.filter = filter;
	}

	/**
	 * Returns the partner's name.
	 * @return the name configured under {@code partner.apis}
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Returns the partner's provider preset.
	 * @return the provider
	 */
	public PartnerProvider getProvider() {
		return this.provider;
	}

	/**
	 * Returns the URI of the partner's token endpoint.
	 * @return the token URI
	 */
	public String getTokenUri() {
		return this.registration.getProviderDetails().getTokenUri();
	}

	/**
	 * Returns the partner's base URL.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Returns how the client authenticates to the token endpoint.
	 * @return the client authentication method, such as {@code client_secret_basic}
	 */
	public String getClientAuthenticationMethod() {
		return this.registration.getClientAuthenticationMethod().getValue();
	}

	/**
	 * Returns the WebClient that calls the partner with its bearer token.
	 * @return the WebClient
	 */
	public WebClient getWebClient() {
		return this.webClient;
	}

	/**
	 * Returns the state of the partner's token, without fetching one.
	 * @return the token state
	 */
	public TokenState getTokenState() {
		return this.tokens.state();
	}

	/**
	 * Returns how many requests the partner answered with 401 Unauthorized ended with the
	 * given outcome.
	 * @param outcome the outcome
	 * @return the count since start-up
	 */
	public long getUnauthorizedCount(UnauthorizedRetryOutcome outcome) {
		return this.filter.unauthorizedCount(outcome);
	}

	@Override
	public String toString() {
		return "PartnerApi[name=" + this.name + ", provider=" + this.provider.id() + ", baseUrl=" + this.baseUrl
				+ "]";
	}

}
