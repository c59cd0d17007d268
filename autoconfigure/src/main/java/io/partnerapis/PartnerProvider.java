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

import java.util.Arrays;
import java.util.Locale;

/**
 * Token-endpoint dialects with a preset. A preset fills in what a partner's document
 * fixes (endpoints, client authentication, request and response shapes); the application
 * supplies the rest and may override any preset value.
 *
 * @since 0.1.0
 */
public enum PartnerProvider {

	/**
	 * Any token endpoint that follows RFC 6749: no preset values.
	 */
	GENERIC,

	/**
	 * BudSense Partner API.
	 */
	BUDSENSE,

	/**
	 * Bud (thisisbud.com) Open Banking API.
	 */
	BUD,

	/**
	 * Bemobi API, limited to 1000 tokens a month.
	 */
	BEMOBI,

	/**
	 * SmartSense PartnerData API.
	 */
	SMARTSENSE,

	/**
	 * Buoy Health API.
	 */
	BUOY;

	/**
	 * Returns the name of this provider as written in configuration.
	 * @return the lower-case provider id
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns the provider a partner uses when its configuration names none: the one
	 * whose id is the partner's name, else {@link #GENERIC}.
	 * @param partnerName the partner's name
	 * @return the provider for that name
	 */
	public static PartnerProvider forPartnerName(String partnerName) {
		return Arrays.stream(values())
			.filter((provider) -> provider.id().equalsIgnoreCase(partnerName))
			.findFirst()
			.orElse(GENERIC);
	}

}
