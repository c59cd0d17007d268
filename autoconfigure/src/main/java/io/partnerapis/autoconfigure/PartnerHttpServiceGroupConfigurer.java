package io.partnerapis.autoconfigure;

import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.web.client.ClientRegistrationIdProcessor;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer;

/**
 * Authorizes the HTTP service groups that call partners, as {@link PartnerServiceGroups}
 * decides: a group named after a partner gets its base URL, API headers and what attaches
 * its tokens; a group whose interfaces name a partner in Spring Security's
 * {@code @ClientRegistrationId} gets that partner's token on those requests, the
 * annotation being read by Spring Security's {@link ClientRegistrationIdProcessor}. Every
 * such group gets an HTTP client that never follows redirects. It runs after Spring
 * Boot's own group configurers, so that the group's {@code base-url} property can be
 * checked, and attaches tokens last.
 *
 * @param <B> the type of client builder
 * @param <A> the type of what attaches tokens to the client's requests
 */
abstract class PartnerHttpServiceGroupConfigurer<B, A> implements HttpServiceGroupConfigurer<B> {

	private final PartnerServiceGroups partners;

	PartnerHttpServiceGroupConfigurer(PartnerServiceGroups partners) {
		this.partners = partners;
	}

	@Override
	public void configureGroups(Groups<B> groups) {
		groups.filter(this.partners::callsPartners).forEachClient((group, builder) -> {
			ConfiguredPartnerApi partner = this.partners.partnerOf(group);
			if (partner != null) {
				String baseUrl = this.partners.baseUrl(group, partner);
				if (baseUrl != null) {
					baseUrl(builder, baseUrl);
				}
				defaultHeaders(builder, (headers) -> this.partners.addHeaders(headers, partner));
			}
			settings(builder, this.partners.settings(group), this.partners.ssl(group));
			attach(builder, this.partners.attachment(group, this::attachment, this::selecting));
		});
		groups.filter(this.partners::namesPartners)
			.forEachProxyFactory((group, factory) -> factory
				.httpRequestValuesProcessor(ClientRegistrationIdProcessor.DEFAULT_INSTANCE));
	}

	abstract void baseUrl(B builder, String baseUrl);

	abstract void defaultHeaders(B builder, Consumer<HttpHeaders> headers);

	/**
	 * Gives the client an HTTP client with the given settings and, where the group's
	 * partner has one, the partner's SSL bundle.
	 */
	abstract void settings(B builder, HttpClientSettings settings, @Nullable PartnerSsl ssl);

	abstract void attach(B builder, A attachment);

	/**
	 * Returns what attaches the tokens of one partner.
	 */
	abstract A attachment(ConfiguredPartnerApi partner);

	/**
	 * Returns what attaches the tokens of the partner a request names in its client
	 * registration id attribute, or of the fallback partner, or none.
	 */
	abstract A selecting(Map<String, A> byPartner, @Nullable A fallback);

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
