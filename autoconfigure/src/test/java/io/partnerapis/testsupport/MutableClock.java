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

package io.partnerapis.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC {@link Clock} that stands still until a test moves it, so that renewal windows
 * and back-offs are crossed in microseconds instead of waited for. Safe to read from any
 * thread. Register it as a {@code Clock} bean to drive a whole context by it.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	/**
	 * Creates a clock that shows the current time until it is moved.
	 */
	public MutableClock() {
		this(Instant.now());
	}

	/**
	 * Creates a clock that shows the given instant until it is moved.
	 * @param start the instant to show
	 */
	public MutableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	/**
	 * Moves the clock by the given amount.
	 * @param amount how far to move it; may be negative
	 * @return the instant the clock shows now
	 */
	public Instant advance(Duration amount) {
		return this.now.updateAndGet((instant) -> instant.plus(amount));
	}

	/**
	 * Sets the clock to the given instant.
	 * @param instant the instant to show
	 */
	public void set(Instant instant) {
		this.now.set(instant);
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/**
	 * Returns a view of this clock in another zone, moving with it.
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock source = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return source.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

		};
	}

	@Override
	public String toString() {
		return "MutableClock[" + this.now.get() + "]";
	}

}
