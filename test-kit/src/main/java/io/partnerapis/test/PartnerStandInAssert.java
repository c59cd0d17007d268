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

package io.partnerapis.test;

import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.partnerapis.test.standin.TokenAuthority;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what a partner's stand-in received and issued since the last
 * reset, which AssertJ's {@code assertThat(standIn)} gives since {@link PartnerStandIn}
 * is an {@code AssertProvider}; {@link PartnerStandIns} shows them in use.
 *
 * @since 0.1.0
 */
public class PartnerStandInAssert extends AbstractAssert<PartnerStandInAssert, PartnerStandIn> {

	/**
	 * Creates an assertion on a stand-in.
	 * @param actual the stand-in
	 */
	public PartnerStandInAssert(PartnerStandIn actual) {
		super(actual, PartnerStandInAssert.class);
	}

	/**
	 * Verifies that the stand-in received exactly the given number of token requests,
	 * accepted or refused.
	 * @param expected the number
	 * @return this assertion
	 */
	public PartnerStandInAssert receivedTokenRequests(int expected) {
		isNotNull();
		int received = this.actual.tokenRequests().size();
		if (received != expected) {
			failWithMessage("Expected partner '%s' to receive %d token request(s) but it received %d",
					this.actual.name(), expected, received);
		}
		return this;
	}

	/**
	 * Verifies that the stand-in received exactly the given number of API requests,
	 * answered or refused.
	 * @param expected the number
	 * @return this assertion
	 */
	public PartnerStandInAssert receivedApiRequests(int expected) {
		isNotNull();
		int received = this.actual.apiRequests().size();
		if (received != expected) {
			failWithMessage("Expected partner '%s' to receive %d API request(s) but it received %d", this.actual.name(),
					expected, received);
		}
		return this;
	}

	/**
	 * Verifies that the stand-in received at least one API request, and that every API
	 * request carried a token it issued, whether still valid or not.
	 * @return this assertion
	 */
	public PartnerStandInAssert everyApiRequestCarriedAnIssuedToken() {
		isNotNull();
		List<LoggedRequest> requests = this.actual.apiRequests();
		if (requests.isEmpty()) {
			failWithMessage("Expected partner '%s' to receive API requests but it received none", this.actual.name());
		}
		List<String> others = requests.stream().filter((request) -> {
			String token = TokenAuthority.bearer(request);
			return token == null || !this.actual.issued(token);
		}).map((request) -> request.getMethod() + " " + request.getUrl()).toList();
		if (!others.isEmpty()) {
			failWithMessage(
					"Expected every API request to partner '%s' to carry a token it issued, but these did not: %s",
					this.actual.name(), others);
		}
		return this;
	}

	/**
	 * Verifies that every API request carried the same token: the application used one
	 * token for all its calls.
	 * @return this assertion
	 */
	public PartnerStandInAssert usedOneTokenForEveryApiRequest() {
		everyApiRequestCarriedAnIssuedToken();
		List<String> tokens = this.actual.apiRequests()
			.stream()
			.map(TokenAuthority::bearer)
			.distinct()
			.collect(Collectors.toList());
		if (tokens.size() != 1) {
			failWithMessage("Expected the API requests to partner '%s' to carry one token but they carried %d",
					this.actual.name(), tokens.size());
		}
		return this;
	}

	/**
	 * Verifies that the stand-in issued exactly the given number of tokens.
	 * @param expected the number
	 * @return this assertion
	 */
	public PartnerStandInAssert issuedTokens(int expected) {
		isNotNull();
		int issued = this.actual.issuedTokens().size();
		if (issued != expected) {
			failWithMessage("Expected partner '%s' to issue %d token(s) but it issued %d", this.actual.name(), expected,
					issued);
		}
		return this;
	}

	/**
	 * Verifies that the stand-in refused no request: every token request followed the
	 * partner's dialect and every API request carried a valid token.
	 * @return this assertion
	 */
	public PartnerStandInAssert refusedNothing() {
		isNotNull();
		List<String> refusals = this.actual.refusals();
		if (!refusals.isEmpty()) {
			failWithMessage("Expected partner '%s' to refuse nothing but it refused: %s", this.actual.name(), refusals);
		}
		return this;
	}

}
