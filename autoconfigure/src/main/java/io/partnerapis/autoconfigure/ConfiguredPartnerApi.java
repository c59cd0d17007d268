package io.partnerapis.autoconfigure;

import java.util.Map;
import java.util.function.Supplier;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerProvider;
import io.partnerapis.TokenQuota;
import io.partnerapis.TokenState;
import io.partnerapis.UnauthorizedRetryOutcome;
import io.partnerapis.restclient.PartnerAuthorizationInterceptor;
import io.partnerapis.token.PartnerAuthorization;
import io.partnerapis.webclient.PartnerAuthorizationFilter;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link PartnerApi} as configured from properties: its clients, and views onto its
 * registration and its {@link PartnerAuthorization}. It also keeps what HTTP service
 * groups of the partner need: its API headers, and the filter and interceptor that attach
 * its tokens.
 */
final class ConfiguredPartnerApi implements PartnerApi, AutoCloseable {

	private final String name;

	private final PartnerProvider provider;

	private final ClientRegistration registration;

	private final String baseUrl;

	private final Map<String, String> headers;

	private final WebClient webClient;

	private final Supplier<RestClient> restClient;

	private final PartnerAuthorization authorization;

	private final PartnerAuthorizationFilter filter;

	private final PartnerAuthorizationInterceptor interceptor;

	private final @Nullable PartnerSsl ssl;

	ConfiguredPartnerApi(String name, PartnerProvider provider, ClientRegistration registration, String baseUrl,
			Map<String, String> headers, WebClient webClient, Supplier<RestClient> restClient,
			PartnerAuthorization authorization, PartnerAuthorizationFilter filter,
			PartnerAuthorizationInterceptor interceptor, @Nullable PartnerSsl ssl) {
		this.name = name;
		this.provider = provider;
		this.registration = registration;
		this.baseUrl = baseUrl;
		this.headers = headers;
		this.webClient = webClient;
		this.restClient = restClient;
		this.authorization = authorization;
		this.filter = filter;
		this.interceptor = interceptor;
		this.ssl = ssl;
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
	public RestClient getRestClient() {
		return this.restClient.get();
	}

	Map<String, String> headers() {
		return this.headers;
	}

	PartnerAuthorization authorization() {
		return this.authorization;
	}

	PartnerAuthorizationFilter filter() {
		return this.filter;
	}

	/**
	 * Returns the partner's own SSL bundle.
	 * @return the bundle, or {@code null} when it names none
	 */
	@Nullable PartnerSsl ssl() {
		return this.ssl;
	}

	PartnerAuthorizationInterceptor interceptor() {
		return this.interceptor;
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
	public void close() {
		this.authorization.close();
	}

	@Override
	public String toString() {
		return "PartnerApi[name=" + this.name + ", provider=" + this.provider.id() + ", baseUrl=" + this.baseUrl + "]";
	}

}
