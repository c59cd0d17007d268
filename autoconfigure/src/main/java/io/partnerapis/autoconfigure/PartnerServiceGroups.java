package io.partnerapis.autoconfigure;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.partnerapis.PartnerApi;
import io.partnerapis.PartnerApis;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.service.registry.HttpServiceGroup;

/**
 * Which HTTP service groups call which partners, and how their clients are set up, for
 * the RestClient and WebClient group configurers alike.
 *
 * <ul>
 * <li>A group named after a configured partner calls that partner: it gets the partner's
 * base URL, unless {@code spring.http.serviceclient.<group>.base-url} sets one on the
 * partner's origin (another origin fails start-up, naming both properties), and the
 * partner's API headers, unless the group's own default headers set them.</li>
 * <li>A group with Spring Security's {@link ClientRegistrationId @ClientRegistrationId}
 * naming a configured partner, on an interface or a method, calls that partner for those
 * requests.</li>
 * <li>A group that calls a partner never follows redirects; its other HTTP client
 * settings are Spring Boot's for the group.</li>
 * </ul>
 */
final class PartnerServiceGroups {

	private static final String SERVICE_CLIENT_PREFIX = "spring.http.serviceclient";

	private final Supplier<Map<String, ConfiguredPartnerApi>> partners;

	private final Map<String, HttpClientProperties> groupProperties;

	private final HttpClientSettingsPropertyMapper settingsMapper;

	/**
	 * Creates a new instance.
	 * @param apis supplies the partners when groups are first configured, so that
	 * creating this does not create them
	 * @param environment the environment to bind the groups' properties from
	 * @param sslBundles the application's SSL bundles, or {@code null}
	 * @param settings the application's HTTP client settings, or {@code null}
	 */
	PartnerServiceGroups(Supplier<PartnerApis> apis, Environment environment, @Nullable SslBundles sslBundles,
			@Nullable HttpClientSettings settings) {
		this.partners = SingletonSupplier.of(() -> {
			Map<String, ConfiguredPartnerApi> partners = new LinkedHashMap<>();
			for (PartnerApi api : apis.get().getAll()) {
				if (api instanceof ConfiguredPartnerApi configured) {
					partners.put(api.getName(), configured);
				}
			}
			return partners;
		});
		this.groupProperties = Binder.get(environment)
			.bind(SERVICE_CLIENT_PREFIX, Bindable.mapOf(String.class, HttpClientProperties.class))
			.orElse(Map.of());
		this.settingsMapper = new HttpClientSettingsPropertyMapper(sslBundles, settings);
	}

	/**
	 * Returns whether the group calls any partner.
	 * @param group the group
	 * @return whether it is named after a partner or names one in
	 * {@code @ClientRegistrationId}
	 */
	boolean callsPartners(HttpServiceGroup group) {
		return partnerOf(group) != null || !annotatedPartners(group).isEmpty();
	}

	/**
	 * Returns whether the group names a partner in {@code @ClientRegistrationId}.
	 * @param group the group
	 * @return whether requests of the group carry partner registration ids
	 */
	boolean namesPartners(HttpServiceGroup group) {
		return !annotatedPartners(group).isEmpty();
	}

	/**
	 * Returns the partner the group is named after.
	 * @param group the group
	 * @return the partner, or {@code null}
	 */
	@Nullable ConfiguredPartnerApi partnerOf(HttpServiceGroup group) {
		return this.partners.get().get(group.name());
	}

	/**
	 * Returns what attaches tokens to the group's requests: the attachment of the group's
	 * partner, or, when the group names partners in {@code @ClientRegistrationId}, one
	 * that picks the attachment of the partner each request names and falls back to the
	 * group's partner.
	 * @param <A> the type of attachment
	 * @param group the group
	 * @param attachment gives the attachment of one partner
	 * @param selecting makes the picking attachment from the attachments by partner name
	 * and the fallback, which may be {@code null}
	 * @return the attachment
	 */
	<A> A attachment(HttpServiceGroup group, Function<ConfiguredPartnerApi, A> attachment,
			BiFunction<Map<String, A>, @Nullable A, A> selecting) {
		ConfiguredPartnerApi partner = partnerOf(group);
		if (partner != null && !namesPartners(group)) {
			return attachment.apply(partner);
		}
		Map<String, A> byName = new LinkedHashMap<>();
		this.partners.get().forEach((name, api) -> byName.put(name, attachment.apply(api)));
		return selecting.apply(byName, (partner != null) ? byName.get(partner.getName()) : null);
	}

	/**
	 * Adds the partner's API headers to the group's default headers, except those the
	 * group's properties already set.
	 * @param headers the group's default headers
	 * @param partner the group's partner
	 */
	void addHeaders(HttpHeaders headers, ConfiguredPartnerApi partner) {
		partner.headers().forEach((name, value) -> {
			if (!headers.containsHeader(name)) {
				headers.set(name, value);
			}
		});
	}

	/**
	 * Returns the base URL to set on the client of a group named after a partner: the
	 * partner's, or {@code null} when the group's {@code base-url} property sets one,
	 * which Spring Boot has applied and which must be on the partner's origin.
	 * @param group the group
	 * @param partner the group's partner
	 * @return the base URL to set, or {@code null}
	 * @throws PartnerApiConfigurationException if the property's origin is not the
	 * partner's
	 */
	@Nullable String baseUrl(HttpServiceGroup group, ConfiguredPartnerApi partner) {
		HttpClientProperties properties = this.groupProperties.get(group.name());
		String groupBaseUrl = (properties != null) ? properties.getBaseUrl() : null;
		if (!StringUtils.hasText(groupBaseUrl)) {
			return partner.getBaseUrl();
		}
		if (!isPartnerOrigin(partner, groupBaseUrl)) {
			String property = SERVICE_CLIENT_PREFIX + "." + group.name() + ".base-url";
			String partnerProperty = "partner.apis." + partner.getName() + ".base-url";
			throw new PartnerApiConfigurationException(List.of(new Problem(property,
					"is '" + SafeUrls.describe(groupBaseUrl) + "', whose origin is not that of '" + partnerProperty
							+ "' (" + SafeUrls.describe(partner.getBaseUrl()) + "), the only origin partner '"
							+ partner.getName() + "' tokens are sent to",
					"Remove '" + property + "' so that the HTTP service group uses '" + partnerProperty
							+ "', or point it at a path on the same origin.")));
		}
		return null;
	}

	/**
	 * Returns the HTTP client settings of a group that calls partners: Spring Boot's for
	 * the group, never following redirects.
	 * @param group the group
	 * @return the settings
	 */
	HttpClientSettings settings(HttpServiceGroup group) {
		return this.settingsMapper.map(this.groupProperties.get(group.name())).withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	/**
	 * Returns the SSL bundle that the client of a group named after a partner uses: the
	 * partner's own, unless the group's properties name a bundle of their own.
	 * @param group the group
	 * @return the partner's bundle, or {@code null} to use the group's settings alone
	 */
	@Nullable PartnerSsl ssl(HttpServiceGroup group) {
		ConfiguredPartnerApi partner = partnerOf(group);
		HttpClientProperties properties = this.groupProperties.get(group.name());
		boolean ownBundle = properties != null && properties.getSsl() != null
				&& StringUtils.hasText(properties.getSsl().getBundle());
		return (partner != null && !ownBundle) ? partner.ssl() : null;
	}

	private Set<String> annotatedPartners(HttpServiceGroup group) {
		Set<String> names = new LinkedHashSet<>();
		for (Class<?> type : group.httpServiceTypes()) {
			addPartner(names, AnnotatedElementUtils.findMergedAnnotation(type, ClientRegistrationId.class));
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
				addPartner(names, AnnotatedElementUtils.findMergedAnnotation(method, ClientRegistrationId.class));
			}
		}
		return names;
	}

	private void addPartner(Set<String> names, @Nullable ClientRegistrationId id) {
		if (id != null && this.partners.get().containsKey(id.registrationId())) {
			names.add(id.registrationId());
		}
	}

	private static boolean isPartnerOrigin(ConfiguredPartnerApi partner, String url) {
		try {
			return partner.authorization().isPartnerOrigin(URI.create(url));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
