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

import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Creates the Spring Security {@link ReactiveOAuth2AuthorizedClientService} that keeps
 * the partners' tokens, for example Spring Security's
 * {@code R2dbcReactiveOAuth2AuthorizedClientService} to share them between instances.
 *
 * @since 0.1.0
 * @deprecated since 0.3.0 for removal, in favor of a
 * {@link io.partnerapis.store.PartnerTokenStore} bean or
 * {@code partner.token-store.type: redis}; a bean of this type still works until then,
 * and start-up logs a warning
 */
@Deprecated(since = "0.3.0", forRemoval = true)
@FunctionalInterface
public interface PartnerAuthorizedClientServiceFactory {

	/**
	 * Creates the store of the partners' tokens, which keeps them under the principal
	 * name {@code partner-apis} and the partner's name as registration id.
	 * @param registrations the partners' client registrations, never the application's
	 * own
	 * @return the store
	 */
	ReactiveOAuth2AuthorizedClientService create(ReactiveClientRegistrationRepository registrations);

	/**
	 * Returns the default factory, which keeps tokens in memory.
	 * @return the factory
	 */
	static PartnerAuthorizedClientServiceFactory inMemory() {
		return InMemoryReactiveOAuth2AuthorizedClientService::new;
	}

}
