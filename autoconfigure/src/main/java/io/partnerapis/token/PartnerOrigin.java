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

package io.partnerapis.token;

import java.net.URI;
import java.util.Locale;

import io.partnerapis.PartnerApiException;
import org.jspecify.annotations.Nullable;

/**
 * The origin of a partner's base URL, the only one its tokens are sent to: scheme, host
 * and port, explicit or the scheme's default, compared without regard to case. It keeps
 * the three parts, not a {@link URI} of them, which would hold five more strings for
 * every partner.
 *
 * @param partner the partner's name
 * @param scheme the scheme, in lower case
 * @param host the host, in lower case
 * @param port the port, explicit or the scheme's default
 */
record PartnerOrigin(String partner, String scheme, String host, int port) {

	/**
	 * Returns the origin of a partner's base URL.
	 * @param partner the partner's name
	 * @param baseUrl the partner's base URL
	 * @return the origin
	 */
	static PartnerOrigin of(String partner, URI baseUrl) {
		String scheme = lowerCase(baseUrl.getScheme());
		return new PartnerOrigin(partner, scheme, lowerCase(baseUrl.getHost()), port(scheme, baseUrl.getPort()));
	}

	/**
	 * Returns whether the given URI is on this origin.
	 * @param uri the URI
	 * @return whether it is
	 */
	boolean contains(URI uri) {
		return this.scheme.equalsIgnoreCase(uri.getScheme()) && this.host.equalsIgnoreCase(uri.getHost())
				&& this.port == port(uri.getScheme(), uri.getPort());
	}

	/**
	 * Refuses a request to any other origin, before anything is sent.
	 * @param method the request's method
	 * @param uri the request's URI
	 * @param client the kind of client, such as {@code WebClient}, for the message
	 * @throws PartnerApiException if the URI is not on this origin
	 */
	void check(String method, URI uri, String client) {
		if (!contains(uri)) {
			throw new PartnerApiException("Partner '" + this.partner + "' " + client + " refused a " + method
					+ " request to " + of(this.partner, uri) + ": its tokens are only sent to " + this
					+ ", the origin of 'partner.apis." + this.partner + ".base-url'. Use a relative URI, or another "
					+ client + " for other hosts.");
		}
	}

	private static String lowerCase(@Nullable String part) {
		return (part != null) ? part.toLowerCase(Locale.ROOT) : "";
	}

	private static int port(@Nullable String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return "https".equalsIgnoreCase(scheme) ? 443 : ("http".equalsIgnoreCase(scheme) ? 80 : -1);
	}

	/**
	 * Returns the origin as {@code scheme://host:port}.
	 */
	@Override
	public String toString() {
		return this.scheme + "://" + this.host + ((this.port != -1) ? ":" + this.port : "");
	}

}
