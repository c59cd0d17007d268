package io.partnerapis.autoconfigure;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.ClientAttributes;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Authorizes the RestClient HTTP service groups that call partners, with the partner's
 * authorization interceptor.
 */
final class PartnerRestClientHttpServiceGroupConfigurer
		extends PartnerHttpServiceGroupConfigurer<RestClient.Builder, ClientHttpRequestInterceptor>
		implements RestClientHttpServiceGroupConfigurer {

	private final Supplier<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder;

	PartnerRestClientHttpServiceGroupConfigurer(PartnerServiceGroups partners,
			Supplier<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder) {
		super(partners);
		this.requestFactoryBuilder = requestFactoryBuilder;
	}

	@Override
	void baseUrl(RestClient.Builder builder, String baseUrl) {
		builder.baseUrl(baseUrl);
	}

	@Override
	void defaultHeaders(RestClient.Builder builder, Consumer<HttpHeaders> headers) {
		builder.defaultHeaders(headers);
	}

	@Override
	void settings(RestClient.Builder builder, HttpClientSettings settings, @Nullable PartnerSsl ssl) {
		builder.requestFactory((ssl != null) ? ssl.requestFactory(this.requestFactoryBuilder.get(), settings)
				: this.requestFactoryBuilder.get().build(settings));
	}

	@Override
	void attach(RestClient.Builder builder, ClientHttpRequestInterceptor interceptor) {
		builder.requestInterceptor(interceptor);
	}

	@Override
	ClientHttpRequestInterceptor attachment(ConfiguredPartnerApi partner) {
		return partner.interceptor();
	}

	@Override
	ClientHttpRequestInterceptor selecting(Map<String, ClientHttpRequestInterceptor> byPartner,
			@Nullable ClientHttpRequestInterceptor fallback) {
		return (request, body, execution) -> {
			String id = ClientAttributes.resolveClientRegistrationId(request.getAttributes());
			ClientHttpRequestInterceptor interceptor = (id != null) ? byPartner.getOrDefault(id, fallback) : fallback;
			return (interceptor != null) ? interceptor.intercept(request, body, execution)
					: execution.execute(request, body);
		};
	}

}
