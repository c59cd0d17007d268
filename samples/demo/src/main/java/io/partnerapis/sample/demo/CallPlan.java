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

package io.partnerapis.sample.demo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the demo calls one partner: how many GET requests to which path, how many at a
 * time, and with what pause between them.
 *
 * @param partner the partner's name
 * @param webClient the partner's WebClient
 * @param path the path to call, relative to the partner's base URL
 * @param calls how many calls to make
 * @param concurrency how many calls may be in flight at once
 * @param pause the pause before each call but the first
 */
record CallPlan(String partner, WebClient webClient, String path, int calls, int concurrency, Duration pause) {

	/**
	 * Returns a plan of calls made one after the other.
	 * @param partner the partner's name
	 * @param webClient the partner's WebClient
	 * @param path the path to call
	 * @param calls how many calls to make
	 * @return the plan
	 */
	static CallPlan inARow(String partner, WebClient webClient, String path, int calls) {
		return new CallPlan(partner, webClient, path, calls, 1, Duration.ZERO);
	}

	/**
	 * Returns a plan of calls made one after the other with a pause between them.
	 * @param partner the partner's name
	 * @param webClient the partner's WebClient
	 * @param path the path to call
	 * @param calls how many calls to make
	 * @param pause the pause between two calls
	 * @return the plan
	 */
	static CallPlan spaced(String partner, WebClient webClient, String path, int calls, Duration pause) {
		return new CallPlan(partner, webClient, path, calls, 1, pause);
	}

	/**
	 * Returns a plan of calls all made at once.
	 * @param partner the partner's name
	 * @param webClient the partner's WebClient
	 * @param path the path to call
	 * @param calls how many calls to make
	 * @return the plan
	 */
	static CallPlan atOnce(String partner, WebClient webClient, String path, int calls) {
		return new CallPlan(partner, webClient, path, calls, calls, Duration.ZERO);
	}

	/**
	 * Makes the calls. Never fails: a failed call is counted, and the first failure is
	 * kept.
	 * @return the outcome, once every call ended
	 */
	Mono<Outcome> execute() {
		return Flux.range(0, this.calls)
			.flatMap((index) -> call().delaySubscription((index == 0) ? Duration.ZERO : this.pause), this.concurrency)
			.collectList()
			.map(this::outcome);
	}

	private Mono<Optional<String>> call() {
		return this.webClient.get()
			.uri(this.path)
			.retrieve()
			.toBodilessEntity()
			.map((response) -> Optional.<String>empty())
			.onErrorResume((ex) -> Mono.just(Optional.of(ex.getClass().getSimpleName() + ": " + ex.getMessage())));
	}

	private Outcome outcome(List<Optional<String>> failures) {
		List<String> failed = failures.stream().flatMap(Optional::stream).toList();
		return new Outcome(this, this.calls - failed.size(), failed.isEmpty() ? null : failed.get(0));
	}

	/**
	 * Describes the plan in a few words.
	 * @return such as "10 calls, 0.5 s apart"
	 */
	String describe() {
		if (this.concurrency > 1) {
			return this.calls + " calls at once";
		}
		if (!this.pause.isZero()) {
			return this.calls + " calls, " + (this.pause.toMillis() / 1000.0) + " s apart";
		}
		return this.calls + " calls in a row";
	}

	/**
	 * What came of a plan's calls.
	 *
	 * @param plan the plan
	 * @param succeeded how many calls got a 2xx answer
	 * @param firstFailure the first failure, or {@code null} when none failed
	 */
	record Outcome(CallPlan plan, int succeeded, @Nullable String firstFailure) {

		/**
		 * Returns how many calls failed.
		 * @return the count
		 */
		int failed() {
			return this.plan.calls() - this.succeeded;
		}

	}

}
