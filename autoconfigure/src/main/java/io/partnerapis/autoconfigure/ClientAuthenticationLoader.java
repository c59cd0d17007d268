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

package io.partnerapis.autoconfigure;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.partnerapis.ClientAuthentication;
import io.partnerapis.PartnerApisProperties.Api;
import io.partnerapis.PartnerApisProperties.ClientAssertion;
import io.partnerapis.autoconfigure.PartnerApiConfigurationException.Problem;
import io.partnerapis.token.PartnerTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * Reads, once at start-up, what a partner's client authentication needs beyond its
 * properties: the key that signs its client assertions and the SSL bundle of its
 * connections. Whatever cannot be used fails start-up as a
 * {@link PartnerApiConfigurationException} naming the property, never the first call. No
 * problem, exception or {@code toString()} here shows key material, a secret or a key's
 * content.
 */
final class ClientAuthenticationLoader {

	private final ResourceLoader resourceLoader;

	private final @Nullable SslBundles sslBundles;

	ClientAuthenticationLoader(ResourceLoader resourceLoader, @Nullable SslBundles sslBundles) {
		this.resourceLoader = resourceLoader;
		this.sslBundles = sslBundles;
	}

	/**
	 * Sets the partner's client assertion on its token handling, where its method signs
	 * one.
	 * @param name the partner's name
	 * @param api the partner's properties, validated
	 * @param tokens the partner's token handling
	 * @return the token handling
	 * @throws PartnerApiConfigurationException if the key or algorithm cannot be used
	 */
	PartnerTokens clientAssertion(String name, Api api, PartnerTokens tokens) {
		ClientAuthentication method = api.getClientAuthenticationMethod();
		if (method != ClientAuthentication.PRIVATE_KEY_JWT && method != ClientAuthentication.CLIENT_SECRET_JWT) {
			return tokens;
		}
		return new ClientAssertionKeys(this.resourceLoader, prefix(name)).clientAssertion(api, tokens);
	}

	/**
	 * Returns the SSL bundle of the partner's connections, followed through its reloads,
	 * or {@code null} when it names none.
	 * @param name the partner's name
	 * @param api the partner's properties, validated
	 * @return the bundle, or {@code null}
	 * @throws PartnerApiConfigurationException if the bundle is unknown, or holds no key
	 * where the partner authenticates with its certificate
	 */
	@Nullable PartnerSsl ssl(String name, Api api) {
		String bundleName = api.getSsl().getBundle();
		if (!StringUtils.hasText(bundleName)) {
			return null;
		}
		String property = prefix(name) + "ssl.bundle";
		SslBundles bundles = this.sslBundles;
		SslBundle bundle;
		try {
			if (bundles == null) {
				throw fail(property,
						"names '" + bundleName
								+ "', but the application has no SSL bundle registry ('SslBundles' bean)",
						"Keep Spring Boot's SslAutoConfiguration in the application, or remove '" + property + "'.");
			}
			bundle = bundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw fail(property, "names '" + bundleName + "', which is not an SSL bundle Spring Boot knows",
					"Define the bundle under 'spring.ssl.bundle.pem." + bundleName + "' or 'spring.ssl.bundle.jks."
							+ bundleName + "', or set '" + property + "' to one that is defined.");
		}
		if (usesCertificate(api.getClientAuthenticationMethod()) && clientCertificate(bundle) == null) {
			throw fail(property, "names '" + bundleName + "', whose key store holds no private key and certificate",
					"Give bundle '" + bundleName + "' a key store ('keystore.certificate' and 'keystore.private-key'"
							+ " for PEM) with the client certificate that "
							+ propertyValue(api.getClientAuthenticationMethod()) + " presents.");
		}
		return new PartnerSsl(bundleName, bundle, bundles);
	}

	/**
	 * Returns what tells the partner's client authentication apart among clients with the
	 * same id and method, without any key material: the assertion key id (or the key's
	 * location) with {@code private-key-jwt}, and the SHA-256 thumbprint of the bundle's
	 * client certificate, which certificate-bound tokens are bound to.
	 * @param api the partner's properties
	 * @param bundle the partner's SSL bundle, or {@code null}
	 * @return the identity, empty when there is nothing beyond the method
	 */
	static String identity(Api api, @Nullable SslBundle bundle) {
		StringBuilder identity = new StringBuilder();
		if (api.getClientAuthenticationMethod() == ClientAuthentication.PRIVATE_KEY_JWT) {
			ClientAssertion assertion = api.getClientAssertion();
			identity.append(StringUtils.hasText(assertion.getKeyId()) ? assertion.getKeyId() : assertion.getKey());
		}
		Certificate certificate = (bundle != null) ? clientCertificate(bundle) : null;
		if (certificate != null) {
			identity.append(' ').append(thumbprint(certificate));
		}
		return identity.toString().strip();
	}

	/**
	 * Returns a client authentication method as its property value is written.
	 * @param method the method
	 * @return the value, such as {@code private-key-jwt}
	 */
	static String propertyValue(ClientAuthentication method) {
		return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static boolean usesCertificate(ClientAuthentication method) {
		return method == ClientAuthentication.TLS_CLIENT_AUTH
				|| method == ClientAuthentication.SELF_SIGNED_TLS_CLIENT_AUTH;
	}

	private static @Nullable Certificate clientCertificate(SslBundle bundle) {
		KeyStore keyStore = bundle.getStores().getKeyStore();
		if (keyStore == null) {
			return null;
		}
		try {
			String alias = bundle.getKey().getAlias();
			for (String candidate : (alias != null) ? List.of(alias) : Collections.list(keyStore.aliases())) {
				if (keyStore.isKeyEntry(candidate) && keyStore.getCertificate(candidate) != null) {
					return keyStore.getCertificate(candidate);
				}
			}
			return null;
		}
		catch (KeyStoreException ex) {
			return null;
		}
	}

	private static String thumbprint(Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The client certificate's SHA-256 thumbprint could not be computed", ex);
		}
	}

	static String prefix(String name) {
		return ProviderPresetsEnvironmentPostProcessor.APIS + "." + name + ".";
	}

	static PartnerApiConfigurationException fail(String property, String description, String action) {
		return new PartnerApiConfigurationException(List.of(new Problem(property, description, action)));
	}

}
