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
