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

package io.partnerapis.usecases;

import io.partnerapis.testsupport.PartnerClient;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ApplicationContext;

/**
 * Base of the scenarios that a partner's WebClient and RestClient both keep: a partner
 * {@code acme} on loopback, and the client type that a subclass names.
 */
abstract class AbstractPartnerClientTests {

	@RegisterExtension
	final PartnerStub partner = new PartnerStub();

	private final PartnerClient.Type clientType;

	AbstractPartnerClientTests(PartnerClient.Type clientType) {
		this.clientType = clientType;
	}

	/**
	 * Returns the client type under test.
	 * @return the client type
	 */
	PartnerClient.Type clientType() {
		return this.clientType;
	}

	/**
	 * Returns partner {@code acme}'s client of the type under test.
	 * @param context the application context
	 * @return the client
	 */
	PartnerClient client(ApplicationContext context) {
		return this.clientType.of(context, "acme");
	}

}
