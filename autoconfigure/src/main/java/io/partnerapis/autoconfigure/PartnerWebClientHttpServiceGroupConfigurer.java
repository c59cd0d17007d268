package io.partnerapis.autoconfigure;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.web.ClientAttributes;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Authorizes the WebClient HTTP service groups that call partners, with the partner's
 * authorization filter innermost and request details kept out of logs.
 */
final class PartnerWebClientHttpServiceGroupConfigurer
		extends PartnerHttpServiceGroupConfigurer<WebClient.Builder, ExchangeFilterFunction>
		implements WebClientHttpServiceGroupConfigurer {

	private final Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder;

	PartnerWebClientHttpServiceGroupConfigurer(PartnerServiceGroups partners,
			Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder) {
		super(partners);
		this.connectorBuilder = connectorBuilder;
	}

	@Override
	void baseUrl(WebClient.Builder builder, String baseUrl) {
		builder.baseUrl(baseUrl);
	}

	@Override
	void defaultHeaders(WebClient.Builder builder, Consumer<HttpHeaders> headers) {
		builder.defaultHeaders(headers);
	}

	@Override
	void settings(WebClient.Builder builder, HttpClientSettings settings, @Nullable PartnerSsl ssl) {
		builder.clientConnector((ssl != null) ? ssl.connector(this.connectorBuilder.get(), settings)
				: this.connectorBuilder.get().build(settings));
	}

	/**
	 * Adds the filter last, so that it is innermost, and keeps headers, which carry the
	 * token, out of Spring's request logging, as for partner WebClients.
	 */
	@Override
	void attach(WebClient.Builder builder, ExchangeFilterFunction filter) {
		builder.filter(filter).codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false));
	}

	@Override
	ExchangeFilterFunction attachment(ConfiguredPartnerApi partner) {
		return partner.filter();
	}

	@Override
	ExchangeFilterFunction selecting(Map<String, ExchangeFilterFunction> byPartner,
			@Nullable ExchangeFilterFunction fallback) {
		return (request, next) -> {
			String id = ClientAttributes.resolveClientRegistrationId(request.attributes());
			ExchangeFilterFunction filter = (id != null) ? byPartner.getOrDefault(id, fallback) : fallback;
			return (filter != null) ? filter.filter(request, next) : next.exchange(request);
		};
	}

}
