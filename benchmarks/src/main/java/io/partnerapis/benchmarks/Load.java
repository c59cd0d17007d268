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

package io.partnerapis.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Ways of sending API calls through a contender's WebClient: one call, a burst of
 * concurrent calls, and a closed loop at fixed concurrency for a set time.
 */
final class Load {

	private static final Duration GRACE = Duration.ofSeconds(60);

	private Load() {
	}

	/**
	 * Sends one GET to the partner's API and reads the body.
	 * @param webClient the WebClient
	 * @return whether the call succeeded with a 2xx answer
	 */
	static Mono<Boolean> call(WebClient webClient) {
		return webClient.get()
			.uri(LoopbackPartner.API_PATH)
			.retrieve()
			.bodyToMono(String.class)
			.thenReturn(true)
			.onErrorReturn(false);
	}

	/**
	 * Sends one call and waits for it.
	 * @param webClient the WebClient
	 * @return whether it succeeded
	 */
	static boolean callNow(WebClient webClient) {
		return Boolean.TRUE.equals(call(webClient).block(GRACE));
	}

	/**
	 * Sends calls one after the other.
	 * @param webClient the WebClient
	 * @param count how many calls
	 * @return how many succeeded
	 */
	static long sequential(WebClient webClient, int count) {
		return Flux.range(0, count)
			.concatMap((i) -> call(webClient))
			.filter(Boolean::booleanValue)
			.count()
			.block(GRACE);
	}

	/**
	 * Sends calls all at once and waits for every answer.
	 * @param webClient the WebClient
	 * @param count how many calls, all subscribed at once
	 * @return what was measured
	 */
	static Burst burst(WebClient webClient, int count) {
		long start = System.nanoTime();
		AtomicLong lastSent = new AtomicLong(start);
		long succeeded = Flux.range(0, count)
			.flatMap((i) -> call(webClient).doOnSubscribe((subscription) -> lastSent.set(System.nanoTime())), count)
			.filter(Boolean::booleanValue)
			.count()
			.block(GRACE);
		return new Burst(succeeded, (lastSent.get() - start) / 1e6, (System.nanoTime() - start) / 1e6);
	}

	/**
	 * Keeps a fixed number of calls in flight for a set time: each of {@code concurrency}
	 * workers sends its next call as soon as the last one is answered.
	 * @param webClient the WebClient
	 * @param concurrency how many calls are in flight
	 * @param duration how long new calls are started
	 * @return what was measured
	 */
	static Result closedLoop(WebClient webClient, int concurrency, Duration duration) {
		List<Recorder> recorders = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			recorders.add(new Recorder());
		}
		long cpuStart = threadCpuNanos();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.range(0, concurrency).flatMap((worker) -> {
			Recorder recorder = recorders.get(worker);
			return Mono.defer(() -> {
				long sent = System.nanoTime();
				return call(webClient).doOnNext((ok) -> recorder.record(ok, System.nanoTime() - sent));
			}).repeat(() -> System.nanoTime() - deadline < 0);
		}, concurrency).blockLast(duration.plus(GRACE));
		long elapsed = System.nanoTime() - start;
		return Result.of(recorders, elapsed, threadCpuNanos() - cpuStart);
	}

	/**
	 * Returns the CPU time the live Java threads of this JVM have used so far: the
	 * clients' event loops, the loopback server's and the callers'. The JIT compiler and
	 * the garbage collector are left out, so that code still being compiled does not
	 * count against a contender; JMH's allocation figures show what each call leaves to
	 * the collector.
	 * @return the CPU time in nanoseconds
	 */
	static long threadCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (long id : threads.getAllThreadIds()) {
			long cpu = threads.getThreadCpuTime(id);
			if (cpu > 0) {
				total += cpu;
			}
		}
		return total;
	}

	/**
	 * Returns the CPU time this JVM has used so far, on all its threads: the clients',
	 * the loopback server's, the JIT compiler's and the garbage collector's.
	 * @return the CPU time in nanoseconds
	 */
	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * What a closed-loop run measured.
	 *
	 * @param succeeded calls that succeeded
	 * @param failed calls that failed
	 * @param elapsedNanos how long the run took
	 * @param cpuNanos CPU time the JVM's live Java threads used during the run
	 * @param latenciesNanos the latency of every call, sorted
	 */
	record Result(long succeeded, long failed, long elapsedNanos, long cpuNanos, long[] latenciesNanos) {

		static Result of(List<Recorder> recorders, long elapsedNanos, long cpuNanos) {
			long succeeded = 0;
			long failed = 0;
			int total = 0;
			for (Recorder recorder : recorders) {
				succeeded += recorder.succeeded;
				failed += recorder.failed;
				total += recorder.count;
			}
			long[] latencies = new long[total];
			int at = 0;
			for (Recorder recorder : recorders) {
				System.arraycopy(recorder.latencies, 0, latencies, at, recorder.count);
				at += recorder.count;
			}
			Arrays.sort(latencies);
			return new Result(succeeded, failed, elapsedNanos, cpuNanos, latencies);
		}

		/**
		 * Returns successful calls per second.
		 * @return the throughput
		 */
		double perSecond() {
			return this.succeeded / (this.elapsedNanos / 1e9);
		}

		/**
		 * Returns the CPU time this JVM's Java threads, client and server together, spent
		 * per call.
		 * @return the CPU time in microseconds
		 */
		double cpuMicrosPerCall() {
			return this.cpuNanos / 1e3 / (this.succeeded + this.failed);
		}

		/**
		 * Returns a latency percentile.
		 * @param percentile between 0 and 100
		 * @return the latency in milliseconds
		 */
		double percentileMillis(double percentile) {
			if (this.latenciesNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(percentile / 100 * this.latenciesNanos.length) - 1;
			return this.latenciesNanos[Math.max(0, Math.min(index, this.latenciesNanos.length - 1))] / 1e6;
		}

		/**
		 * Returns the worst latency.
		 * @return the latency in milliseconds
		 */
		double maxMillis() {
			return percentileMillis(100);
		}

		/**
		 * Returns how many calls took at least the given time.
		 * @param threshold the time
		 * @return the count
		 */
		long slowerThan(Duration threshold) {
			long nanos = threshold.toNanos();
			return Arrays.stream(this.latenciesNanos).filter((latency) -> latency >= nanos).count();
		}

	}

	/**
	 * The calls of one worker, which sends them one after the other.
	 */
	static final class Recorder {

		private long[] latencies = new long[1024];

		private int count;

		private long succeeded;

		private long failed;

		void record(boolean ok, long latency) {
			if (ok) {
				this.succeeded++;
			}
			else {
				this.failed++;
			}
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = latency;
		}

	}

	/**
	 * What a burst measured.
	 *
	 * @param succeeded calls that succeeded
	 * @param sentMillis time until the last call was sent into the WebClient
	 * @param answeredMillis time until every call was answered
	 */
	record Burst(long succeeded, double sentMillis, double answeredMillis) {
	}

}
