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

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs an operation once for all callers who ask while it runs: the first caller starts
 * it, later callers join it and get the same result, and the first caller after it ends
 * starts it again.
 *
 * @param <T> the type of the operation's result
 */
final class SingleFlight<T> {

	private final AtomicReference<@Nullable Mono<T>> inFlight = new AtomicReference<>();

	/**
	 * Returns the flight in progress, or a new one of the given operation.
	 * @param operation supplies the operation, asked only for a new flight
	 * @return the flight, which callers share
	 */
	Mono<T> join(Supplier<Mono<T>> operation) {
		Mono<T> existing = this.inFlight.get();
		while (existing == null) {
			AtomicReference<@Nullable Mono<T>> self = new AtomicReference<>();
			Mono<T> flight = Mono.defer(operation)
				.doOnTerminate(() -> this.inFlight.compareAndSet(self.get(), null))
				.doFinally((signal) -> this.inFlight.compareAndSet(self.get(), null))
				.cache();
			self.set(flight);
			existing = this.inFlight.compareAndSet(null, flight) ? flight : this.inFlight.get();
		}
		return existing;
	}

	/**
	 * Returns whether a flight is in progress.
	 * @return whether a flight is in progress
	 */
	boolean isInFlight() {
		return this.inFlight.get() != null;
	}

}
