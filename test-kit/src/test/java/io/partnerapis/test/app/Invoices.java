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

package io.partnerapis.test.app;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A class under test that calls Bemobi.
 */
@Component
public class Invoices {

	private final WebClient bemobi;

	Invoices(@Qualifier("bemobi") WebClient bemobi) {
		this.bemobi = bemobi;
	}

	/**
	 * Returns Bemobi's invoices.
	 * @return the JSON body
	 */
	public String invoices() {
		return this.bemobi.get().uri("/v1/invoices").retrieve().bodyToMono(String.class).block();
	}

}
