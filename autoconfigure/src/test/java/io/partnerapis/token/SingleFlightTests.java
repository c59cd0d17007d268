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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SingleFlight}.
 */
class SingleFlightTests {

	private final SingleFlight<String> flights = new SingleFlight<>();

	private final AtomicInteger started = new AtomicInteger();

	private final List<Sinks.One<String>> operations = new ArrayList<>();

	@Test
	void callersWhileAFlightRunsShareIt() {
		List<String> results = new ArrayList<>();
		this.flights.join(this::operation).subscribe(results::add);
		this.flights.join(this::operation).subscribe(results::add);
		assertThat(this.flights.isInFlight()).isTrue();
		this.operations.get(0).tryEmitValue("token-1");
		assertThat(this.started).hasValue(1);
		assertThat(results).containsExactly("token-1", "token-1");
		assertThat(this.flights.isInFlight()).isFalse();
	}

	@Test
	void firstCallerAfterAFlightEndsStartsANewOne() {
		this.flights.join(this::operation).subscribe();
		this.operations.get(0).tryEmitValue("token-1");
		List<String> results = new ArrayList<>();
		this.flights.join(this::operation).subscribe(results::add);
		this.operations.get(1).tryEmitValue("token-2");
		assertThat(this.started).hasValue(2);
		assertThat(results).containsExactly("token-2");
	}

	@Test
	void failureIsSharedByTheFlightsCallersAndNotKept() {
		List<Throwable> failures = new ArrayList<>();
		this.flights.join(this::operation).subscribe(null, failures::add);
		this.flights.join(this::operation).subscribe(null, failures::add);
		IllegalStateException failure = new IllegalStateException("endpoint down");
		this.operations.get(0).tryEmitError(failure);
		assertThat(failures).containsExactly(failure, failure);
		assertThat(this.flights.isInFlight()).isFalse();
		List<String> results = new ArrayList<>();
		this.flights.join(this::operation).subscribe(results::add);
		this.operations.get(1).tryEmitValue("token-2");
		assertThat(results).containsExactly("token-2");
	}

	private Mono<String> operation() {
		this.started.incrementAndGet();
		Sinks.One<String> operation = Sinks.one();
		this.operations.add(operation);
		return operation.asMono();
	}

}
