package io.partnerapis.autoconfigure;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerProvider;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;
import io.partnerapis.UnauthorizedRetryOutcome;
import io.partnerapis.token.PartnerAuthorization;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link PartnerApi} as configured from properties: its clients, and views onto its
 * registration and its {@link PartnerAuthorization}.
 */
final class ConfiguredPartnerApi implements PartnerApi {

	private final String name;

	private final PartnerProvider provider;

	private final ClientRegistration registration;

	private final String baseUrl;

	private final WebClient webClient;

	private final PartnerAuthorization authorization;

	ConfiguredPartnerApi(String name, PartnerProvider provider, ClientRegistration registration, String baseUrl,
			WebClient webClient, PartnerAuthorization authorization) {
		this.name = name;
		this.provider = provider;
		this.registration = registration;
		this.baseUrl = baseUrl;
		this.webClient = webClient;
		this.authorization = authorization;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public PartnerProvider getProvider() {
		return this.provider;
	}

	@Override
	public String getTokenUri() {
		return this.registration.getProviderDetails().getTokenUri();
	}

	@Override
	public String getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public String getClientAuthenticationMethod() {
		return this.registration.getClientAuthenticationMethod().getValue();
	}

	@Override
	public WebClient getWebClient() {
		return this.webClient;
	}

	@Override
	public TokenState getTokenState() {
		return this.authorization.state();
	}

	@Override
	public TokenQuota getTokenQuota() {
		return this.authorization.quota();
	}

	@Override
	public long getUnauthorizedCount(UnauthorizedRetryOutcome outcome) {
		return this.authorization.unauthorizedCount(outcome);
	}

	@Override
	public String toString() {
		return "PartnerApi[name=" + this.name + ", provider=" + this.provider.id() + ", baseUrl=" + this.baseUrl + "]";
	}

}
