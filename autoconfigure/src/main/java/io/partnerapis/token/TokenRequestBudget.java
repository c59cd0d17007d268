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

import io.partnerapis.PartnerTokenQuotaException;
import reactor.core.publisher.Mono;

/**
 * Keeps count of the token requests of fetches: reserves each before it is sent, or
 * refuses it, and hears how the partner answered.
 */
interface TokenRequestBudget {

	/**
	 * A budget that refuses nothing and counts nothing.
	 */
	TokenRequestBudget UNLIMITED = new TokenRequestBudget() {

		@Override
		public Mono<Void> beforeRequest() {
			return Mono.empty();
		}

		@Override
		public Mono<Void> issued() {
			return Mono.empty();
		}

	};

	/**
	 * Called before each token request, and each retry of one: reserves it, so that it
	 * counts whether or not its answer arrives.
	 * @return completion, or a {@link PartnerTokenQuotaException} that refuses the
	 * request
	 */
	Mono<Void> beforeRequest();

	/**
	 * Called after each token request that the partner answered with 2xx, whether or not
	 * its token could be used.
	 * @return completion; never an error
	 */
	Mono<Void> issued();

	/**
	 * Called after a token request that the partner answered with a status other than
	 * 2xx, which issued no token, so that its reservation can be taken back.
	 * @return completion; never an error
	 */
	default Mono<Void> notIssued() {
		return Mono.empty();
	}

}
