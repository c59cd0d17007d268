package io.partnerapis.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.restclient.PartnerAuthorizationInterceptor;
import io.partnerapis.store.PartnerTokenStore;
import io.partnerapis.store.TokenKey;
import io.partnerapis.token.PartnerAuthorization;
import io.partnerapis.token.PartnerTokens;
import io.partnerapis.token.ClientAssertionSigner;
import io.partnerapis.webclient.PartnerAuthorizationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpCookieHandling;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Turns bound {@link PartnerApisProperties} into {@link PartnerApis}: for each partner,
 * through a {@link PartnerApiPropertiesMapper}, a Spring Security
 * {@link ClientRegistration}, a token cache over Spring Security's token clients and the
 * {@link PartnerTokenStore}, the partner's {@link PartnerAuthorization}, a WebClient
 * built from Spring Boot's {@link WebClient.Builder} with the partner's authorization
 * filter innermost, and a RestClient, built on first use by {@link PartnerRestClients},
 * that decides through the same authorization and so shares the WebClient's token.
 * Partner WebClients never follow redirects, whatever
 * {@code spring.http.clients.redirects} says, since a redirect to another host would
 * carry the partner's headers there: they use one connector built from the application's
 * HTTP client settings with redirects turned off, which no customizer may replace (see
 * {@link RedirectGuard}), and a 3xx answer reaches the caller as it is. A partner with an
 * SSL bundle of its own, or whose client authenticates with a signed assertion, gets them
 * from {@link ClientAuthenticationLoader}.
 */
final class PartnerApiFactory {

	private static final Duration READ_TIMEOUT_MARGIN = Duration.ofSeconds(1);

	private final Supplier<WebClient.Builder> webClientBuilders;

	private final List<PartnerWebClientCustomizer> customizers;

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettings httpClientSettings;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TokenFetchObservationConvention observationConvention;

	private final PartnerTokenStore store;

	private final Clock clock;

	private final Duration storeTimeout;

	private final Supplier<ClientHttpConnector> partnerConnector;

	private final PartnerRestClients restClients;

	private final ClientAuthenticationLoader clientAuthentication;

	private final Map<List<Duration>, WebClient> tokenWebClients = new HashMap<>();

	PartnerApiFactory(Supplier<WebClient.Builder> webClientBuilders, List<PartnerWebClientCustomizer> customizers,
			ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings httpClientSettings,
			ObservationRegistry observationRegistry, @Nullable TokenFetchObservationConvention observationConvention,
			PartnerTokenStore store, Duration storeTimeout, Clock clock, PartnerRestClients restClients,
			ClientAuthenticationLoader clientAuthentication) {
		this.webClientBuilders = webClientBuilders;
		this.customizers = customizers;
		this.connectorBuilder = connectorBuilder;
		this.httpClientSettings = httpClientSettings;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.store = store;
		this.storeTimeout = storeTimeout;
		this.clock = clock;
		this.partnerConnector = SingletonSupplier.of(() -> connectorBuilder.build(apiSettings()));
		this.restClients = restClients;
		this.clientAuthentication = clientAuthentication;
	}

	/**
	 * Creates the partners' APIs.
	 * @param properties the validated properties
	 * @return the APIs
	 * @throws PartnerApiConfigurationException naming every partner whose key or SSL
	 * bundle cannot be used
	 */
	PartnerApis create(PartnerApisProperties properties) {
		List<PartnerApi> apis = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		properties.getApis().forEach((name, api) -> {
			try {
				apis.add(partnerApi(name, api, new PartnerApiPropertiesMapper(name, api)));
			}
			catch (PartnerApiConfigurationException ex) {
				problems.addAll(ex.getProblems());
			}
		});
		if (!problems.isEmpty()) {
			throw new PartnerApiConfigurationException(problems);
		}
		return new PartnerApis(apis);
	}

	private PartnerApi partnerApi(String name, Api api, PartnerApiPropertiesMapper mapper) {
		ClientRegistration registration = mapper.registration();
		PartnerSsl ssl = this.clientAuthentication.ssl(name, api);
		ClientAssertionSigner assertionSigner = this.clientAuthentication.assertionSigner(name, api);
		WebClient tokenWebClient = (ssl != null)
				? tokenWebClient(api.getToken().getConnectTimeout(), api.getToken().getResponseTimeout(), ssl)
				: this.tokenWebClients.computeIfAbsent(
						List.of(api.getToken().getConnectTimeout(), api.getToken().getResponseTimeout()),
						(timeouts) -> tokenWebClient(timeouts.get(0), timeouts.get(1), null));
		TokenKey key = mapper.tokenKey(ClientAuthenticationLoader.identity(api, (ssl != null) ? ssl.bundle() : null));
		String baseUrl = api.getBaseUrl();
		PartnerAuthorization authorization = mapper.tokens(PartnerTokens.builder(name, registration, tokenWebClient))
			.observations(this.observationRegistry, this.observationConvention)
			.clientAssertion(assertionSigner)
			.store(this.store, key, this.storeTimeout)
			.clock(this.clock)
			.build(URI.create(baseUrl));
		Map<String, String> headers = mapper.apiHeaders();
		WebClient.Builder builder = this.webClientBuilders.get()
			.clientConnector(
					(ssl != null) ? ssl.connector(this.connectorBuilder, apiSettings()) : this.partnerConnector.get())
			.baseUrl(baseUrl);
		if (!headers.isEmpty()) {
			builder.defaultHeaders((defaults) -> headers.forEach(defaults::set));
		}
		builder.codecs(PartnerApiFactory::maskRequestDetails);
		RedirectGuard.customize(name, builder, this.customizers);
		PartnerAuthorizationFilter filter = new PartnerAuthorizationFilter(authorization);
		WebClient webClient = builder.filters((filters) -> filters.add(filter)).build();
		PartnerAuthorizationInterceptor interceptor = new PartnerAuthorizationInterceptor(authorization);
		return new ConfiguredPartnerApi(name, mapper.provider(), registration, baseUrl, headers, webClient,
				this.restClients.restClient(name, baseUrl, headers, interceptor, ssl), authorization, filter,
				interceptor, ssl);
	}

	private HttpClientSettings apiSettings() {
		return this.httpClientSettings.withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	/**
	 * Builds the WebClient that sends a partner's token requests. It is not built from
	 * the application's {@link WebClient.Builder}, so that no application filter or
	 * default header sees client credentials, as Spring Security does for its own token
	 * clients; it uses the application's connector and HTTP client settings, with the
	 * partner's timeouts (the client's read timeout a little longer than the response
	 * timeout, which governs), never follows a redirect, which would send the client
	 * secret to another host, and keeps no cookies, so partners with the same timeouts
	 * and no SSL bundle of their own can share one.
	 */
	private WebClient tokenWebClient(Duration connectTimeout, Duration responseTimeout, @Nullable PartnerSsl ssl) {
		HttpClientSettings settings = this.httpClientSettings
			.withTimeouts(connectTimeout, responseTimeout.plus(READ_TIMEOUT_MARGIN))
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withCookieHandling(HttpCookieHandling.DISABLE);
		return WebClient.builder()
			.clientConnector((ssl != null) ? ssl.connector(this.connectorBuilder, settings)
					: this.connectorBuilder.build(settings))
			.codecs(PartnerApiFactory::maskRequestDetails)
			.observationRegistry(this.observationRegistry)
			.build();
	}

	/**
	 * Keeps form fields and headers, which carry the client secret and tokens, out of
	 * Spring's request logging even where {@code spring.codec.log-request-details} turns
	 * it on for the application's other clients.
	 */
	private static void maskRequestDetails(ClientCodecConfigurer codecs) {
		codecs.defaultCodecs().enableLoggingRequestDetails(false);
	}

}
