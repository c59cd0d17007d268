package io.partnerapis.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.PartnerApisProperties;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerAuthorizedClientServiceFactory;
import io.partnerapis.PartnerProvider;
import io.partnerapis.PartnerWebClientCustomizer;
import io.partnerapis.observation.TokenFetchObservationConvention;
import io.partnerapis.token.cache.PartnerTokenCache;
import io.partnerapis.token.fetch.PartnerTokenResponseClient;
import io.partnerapis.token.fetch.TokenEndpoint;
import io.partnerapis.token.fetch.TokenFetcher;
import io.partnerapis.token.renew.RenewalPolicy;
import io.partnerapis.webclient.PartnerAuthorizationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpCookieHandling;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Turns bound {@link PartnerApisProperties} into {@link PartnerApis}: for each partner a
 * Spring Security {@link ClientRegistration}, a token cache over Spring Security's token
 * clients and the authorized-client store its {@link PartnerAuthorizedClientServiceFactory}
 * creates, and a WebClient built from Spring Boot's
 * {@link WebClient.Builder} with the partner's authorization filter innermost.
 *
 * @author partner-apis
 */
final class PartnerApiFactory {

	static final String PRINCIPAL_NAME = "partner-apis";

	private static final String AUDIENCE = "audience";

	private static final Duration READ_TIMEOUT_MARGIN = Duration.ofSeconds(1);

	private final Supplier<WebClient.Builder> webClientBuilders;

	private final List<PartnerWebClientCustomizer> customizers;

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final HttpClientSettings httpClientSettings;

	private final ObservationRegistry observationRegistry;

	private final @Nullable TokenFetchObservationConvention observationConvention;

	private final PartnerAuthorizedClientServiceFactory storeFactory;

	private final Clock clock;

	private final Map<List<Duration>, WebClient> tokenWebClients = new HashMap<>();

	PartnerApiFactory(Supplier<WebClient.Builder> webClientBuilders, List<PartnerWebClientCustomizer> customizers,
			ClientHttpConnectorBuilder<?> connectorBuilder, HttpClientSettings httpClientSettings,
			ObservationRegistry observationRegistry,
			@Nullable TokenFetchObservationConvention observationConvention,
			PartnerAuthorizedClientServiceFactory storeFactory, Clock clock) {
		this.webClientBuilders = webClientBuilders;
		this.customizers = customizers;
		this.connectorBuilder = connectorBuilder;
		this.httpClientSettings = httpClientSettings;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.storeFactory = storeFactory;
		this.clock = clock;
	}

	PartnerApis create(PartnerApisProperties properties) {
		Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
		properties.getApis().forEach((name, api) -> registrations.put(name, registration(name, api)));
		if (registrations.isEmpty()) {
			return new PartnerApis(List.of());
		}
		ReactiveOAuth2AuthorizedClientService store = this.storeFactory
			.create(new InMemoryReactiveClientRegistrationRepository(new ArrayList<>(registrations.values())));
		List<PartnerApi> apis = new ArrayList<>();
		properties.getApis()
			.forEach((name, api) -> apis.add(partnerApi(name, api, registrations.get(name), store)));
		return new PartnerApis(apis);
	}

	private PartnerApi partnerApi(String name, Api api, ClientRegistration registration,
			ReactiveOAuth2AuthorizedClientService store) {
		PartnerProvider provider = ProviderPresetsPropertySource.provider(name, api);
		TokenEndpoint endpoint = tokenEndpoint(name, provider, api);
		WebClient tokenWebClient = this.tokenWebClients.computeIfAbsent(
				List.of(api.getToken().getConnectTimeout(), api.getToken().getResponseTimeout()),
				(timeouts) -> tokenWebClient(timeouts.get(0), timeouts.get(1)));
		PartnerTokenResponseClient<AbstractOAuth2AuthorizationGrantRequest> tokenClient = new PartnerTokenResponseClient<>(
				tokenWebClient, endpoint, registration, this.observationRegistry, this.observationConvention);
		TokenFetcher fetcher = new TokenFetcher(registration, PRINCIPAL_NAME, api.getToken().getRenewalGrant(),
				tokenClient, tokenClient);
		PartnerTokenCache tokens = new PartnerTokenCache(fetcher, store,
				new RenewalPolicy(api.getRefreshBeforeExpiry(), api.getUnauthorizedRenewalInterval()), this.clock);
		String baseUrl = api.getBaseUrl();
		PartnerAuthorizationFilter filter = new PartnerAuthorizationFilter(name, URI.create(baseUrl), tokens,
				api.isRetryOnUnauthorized());
		WebClient.Builder builder = this.webClientBuilders.get()
			.baseUrl(baseUrl)
			.defaultHeaders((headers) -> apiHeaders(api).forEach(headers::set));
		builder.codecs(PartnerApiFactory::maskRequestDetails);
		this.customizers.forEach((customizer) -> customizer.customize(name, builder));
		WebClient webClient = builder.filters((filters) -> filters.add(filter)).build();
		return new PartnerApi(name, provider, registration, baseUrl, webClient, tokens, filter);
	}

	/**
	 * Builds the WebClient that sends a partner's token requests. It is not built from the
	 * application's {@link WebClient.Builder}, so that no application filter or default
	 * header sees client credentials, as Spring Security does for its own token clients;
	 * it uses the application's connector and HTTP client settings, with the partner's
	 * timeouts (the client's read timeout a little longer than the response timeout, which
	 * governs), never follows a redirect, which would send the client secret to another
	 * host, and keeps no cookies, so partners with the same timeouts can share one.
	 */
	private WebClient tokenWebClient(Duration connectTimeout, Duration responseTimeout) {
		HttpClientSettings settings = this.httpClientSettings
			.withTimeouts(connectTimeout, responseTimeout.plus(READ_TIMEOUT_MARGIN))
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withCookieHandling(HttpCookieHandling.DISABLE);
		return WebClient.builder()
			.clientConnector(this.connectorBuilder.build(settings))
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

	static ClientRegistration registration(String name, Api api) {
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(name)
			.clientName(name)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
		PropertyMapper map = PropertyMapper.get();
		map.from(api::getClientId).to(builder::clientId);
		map.from(api::getClientSecret).to(builder::clientSecret);
		map.from(api::getClientAuthenticationMethod)
			.as((method) -> new ClientAuthenticationMethod(method.name().toLowerCase(Locale.ROOT)))
			.to(builder::clientAuthenticationMethod);
		map.from(api::getTokenUri).to(builder::tokenUri);
		map.from(api::getScopes).whenNot(Set::isEmpty).to(builder::scope);
		return builder.build();
	}

	static TokenEndpoint tokenEndpoint(String name, PartnerProvider provider, Api api) {
		PartnerApisProperties.Token token = api.getToken();
		Map<String, String> parameters = new LinkedHashMap<>();
		PropertyMapper map = PropertyMapper.get();
		map.from(api::getAudience).whenHasText().to((audience) -> parameters.put(AUDIENCE, audience));
		parameters.putAll(token.getParameters());
		List<String> responsePath = StringUtils.hasText(token.getResponsePath())
				? List.of(StringUtils.tokenizeToStringArray(token.getResponsePath(), ".")) : List.of();
		return new TokenEndpoint(name, provider, token.getRequestFormat(), token.getHeaders(), parameters,
				responsePath, api.getClientIdHeader(), token.isEncodeClientCredentials(), api.getDefaultTokenLifetime(),
				token.getResponseTimeout(), token.getMaxRetries(), token.getRetryBackoff());
	}

	private static Map<String, String> apiHeaders(Api api) {
		Map<String, String> headers = new LinkedHashMap<>(api.getHeaders());
		PropertyMapper.get()
			.from(api::getClientIdHeader)
			.whenHasText()
			.to((header) -> headers.put(header, api.getClientId()));
		return headers;
	}

}
