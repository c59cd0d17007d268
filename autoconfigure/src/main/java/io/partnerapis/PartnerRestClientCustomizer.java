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

import org.springframework.web.client.RestClient;

/**
 * Callback that customizes the {@link RestClient.Builder} of partner RestClients. Every
 * bean of this type is called for every partner, in
 * {@link org.springframework.core.Ordered order}, after the base URL, headers and request
 * factory are set and before the partner's authorization interceptor is added as the
 * innermost interceptor. Use the partner's name to change one partner only. Changing the
 * base URL does not change where tokens may go: only to the origin of the partner's
 * {@code base-url} property.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface PartnerRestClientCustomizer {

	/**
	 * Customizes the builder of one partner's RestClient. It may not set a request
	 * factory, which would decide whether redirects are followed (partner clients never
	 * follow them): building the partner's RestClient, on first use, then fails, naming
	 * what to configure instead.
	 * @param partner the partner's name, as configured under {@code partner.apis}
	 * @param builder the builder to customize
	 */
	void customize(String partner, RestClient.Builder builder);

}
