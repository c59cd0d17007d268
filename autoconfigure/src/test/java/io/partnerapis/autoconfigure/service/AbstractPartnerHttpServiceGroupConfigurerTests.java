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

package io.partnerapis.autoconfigure.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base for the tests of an HTTP service group configurer's selection: which partner's
 * filter or interceptor a request of a group that names partners goes through. A subclass
 * gives the configurer's selection, a recording filter or interceptor, and a way to send
 * a request through it. The groups are proved end to end in
 * {@code io.partnerapis.usecases.AbstractHttpServiceGroupsTests}.
 *
 * @param <T> the type that authorizes a request: a filter or an interceptor
 */
abstract class AbstractPartnerHttpServiceGroupConfigurerTests<T> {

	/**
	 * The names of the recording filters or interceptors that requests went through, in
	 * order.
	 */
	final List<String> passedThrough = new ArrayList<>();

	@Test
	void requestNamingAPartnerGoesThroughThatPartner() throws Exception {
		assertThat(send(selecting(recording("fallback")), "other")).isEqualTo(HttpStatus.OK);
		assertThat(this.passedThrough).containsExactly("other");
	}

	@Test
	void requestNamingNoPartnerOrAnUnknownOneGoesThroughTheGroupsOwnPartner() throws Exception {
		send(selecting(recording("fallback")), null);
		send(selecting(recording("fallback")), "unknown");
		assertThat(this.passedThrough).containsExactly("fallback", "fallback");
	}

	@Test
	void requestOfAGroupWithoutAPartnerOfItsOwnNamingNoneIsSentAsItIs() throws Exception {
		assertThat(send(selecting(null), null)).isEqualTo(HttpStatus.OK);
		assertThat(this.passedThrough).isEmpty();
	}

	private T selecting(@Nullable T fallback) {
		return selecting(Map.of("acme", recording("acme"), "other", recording("other")), fallback);
	}

	/**
	 * Returns the configurer's selection over the given partners.
	 * @param byName the filter or interceptor of each partner, by partner name
	 * @param fallback the one for requests that name no known partner, or {@code null}
	 * @return the selection
	 */
	abstract T selecting(Map<String, T> byName, @Nullable T fallback);

	/**
	 * Returns a filter or interceptor that adds its name to {@link #passedThrough} and
	 * passes the request on.
	 * @param name the name to record
	 * @return the recording filter or interceptor
	 */
	abstract T recording(String name);

	/**
	 * Sends a request through the given filter or interceptor to an exchange that answers
	 * {@code 200}.
	 * @param selection the filter or interceptor
	 * @param registrationId the client registration id the request names, or {@code null}
	 * for none
	 * @return the status of the answer
	 * @throws Exception if the request fails
	 */
	abstract HttpStatus send(T selection, @Nullable String registrationId) throws Exception;

}
