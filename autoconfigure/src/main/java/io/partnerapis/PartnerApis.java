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

package io.partnerapis;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The partner APIs an application has configured, by name. Inject it to look partners up
 * at run time; to call one known partner, inject its WebClient or RestClient with
 * {@code @Qualifier("<name>")} instead.
 *
 * @since 0.1.0
 */
public final class PartnerApis implements AutoCloseable {

	private final Map<String, PartnerApi> apis;

	/**
	 * Creates a registry of the given partner APIs.
	 * @param apis the partner APIs
	 */
	public PartnerApis(Collection<PartnerApi> apis) {
		Map<String, PartnerApi> byName = new LinkedHashMap<>();
		apis.forEach((api) -> byName.put(api.getName(), api));
		this.apis = Collections.unmodifiableMap(byName);
	}

	/**
	 * Returns the names of the configured partners, in configuration order.
	 * @return the names
	 */
	public Set<String> getNames() {
		return this.apis.keySet();
	}

	/**
	 * Returns every configured partner, in configuration order.
	 * @return the partners
	 */
	public Collection<PartnerApi> getAll() {
		return this.apis.values();
	}

	/**
	 * Returns the partner of the given name.
	 * @param name the partner's name
	 * @return the partner
	 * @throws PartnerApiException if no partner of that name is configured
	 */
	public PartnerApi get(String name) {
		PartnerApi api = this.apis.get(name);
		if (api == null) {
			throw new PartnerApiException("No partner API named '" + name + "' is configured; "
					+ (this.apis.isEmpty() ? "none are"
							: "the configured ones are " + String.join(", ", this.apis.keySet()))
					+ ". Add it under 'partner.apis." + name + "' or use one of those names.");
		}
		return api;
	}

	/**
	 * Returns the WebClient of the partner of the given name.
	 * @param name the partner's name
	 * @return the partner's WebClient
	 * @throws PartnerApiException if no partner of that name is configured
	 */
	public WebClient webClient(String name) {
		return get(name).getWebClient();
	}

	/**
	 * Returns the RestClient of the partner of the given name.
	 * @param name the partner's name
	 * @return the partner's RestClient
	 * @throws PartnerApiException if no partner of that name is configured
	 * @since 0.2.0
	 */
	public RestClient restClient(String name) {
		return get(name).getRestClient();
	}

	/**
	 * Releases what the partner APIs hold, such as their token handling's subscription to
	 * the token store; the application context calls this when it closes.
	 */
	@Override
	public void close() {
		for (PartnerApi api : this.apis.values()) {
			if (api instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException("Partner API '" + api.getName() + "' could not be closed", ex);
				}
			}
		}
	}

	@Override
	public String toString() {
		return "PartnerApis" + this.apis.keySet();
	}

}
