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

import io.partnerapis.PartnerApis;

import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * Registers one {@link RestClient} bean per configured partner, named
 * {@code <name>RestClient}, as {@link PartnerClientRegistrar} describes.
 */
class PartnerRestClientRegistrar extends PartnerClientRegistrar {

	PartnerRestClientRegistrar(Environment environment) {
		super(environment, RestClient.class, "restClient");
	}

	/**
	 * Returns a partner's RestClient: the factory method of the per-partner beans.
	 * @param partner the partner's name
	 * @param apis the partners
	 * @return the partner's RestClient
	 */
	static RestClient restClient(String partner, PartnerApis apis) {
		return apis.restClient(partner);
	}

}
