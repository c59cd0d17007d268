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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.web.client.RestClient;

/**
 * Ways of sending API calls through a contender's RestClient from blocking platform
 * threads, as a Spring MVC application does: one call, calls one after the other, a herd
 * of threads released together, and a closed loop of threads for a set time.
 */
final class BlockingLoad {

	private static final Duration GRACE = Duration.ofSeconds(60);

	private BlockingLoad() {
	}

	/**
	 * Sends one GET to the partner's API and reads the body.
	 * @param restClient the RestClient
	 * @return whether the call succeeded with a 2xx answer
	 */
	static boolean call(RestClient restClient) {
		try {
			restClient.get().uri(LoopbackPartner.API_PATH).retrieve().body(String.class);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Sends calls one after the other.
	 * @param restClient the RestClient
	 * @param count how many calls
	 * @return how many succeeded
	 */
	static long sequential(RestClient restClient, int count) {
		long succeeded = 0;
		for (int i = 0; i < count; i++) {
			succeeded += call(restClient) ? 1 : 0;
		}
		return succeeded;
	}

	/**
	 * Releases one thread per call at once and waits for every answer.
	 * @param restClient the RestClient
	 * @param count how many threads, each making one call
	 * @return what was measured
	 */
	static Load.Burst herd(RestClient restClient, int count) {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch ready = new CountDownLatch(count);
			CountDownLatch go = new CountDownLatch(1);
			AtomicLong lastSent = new AtomicLong();
			List<Future<Boolean>> calls = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				calls.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					lastSent.accumulateAndGet(System.nanoTime(), Math::max);
					return call(restClient);
				}));
			}
			ready.await(GRACE.toSeconds(), TimeUnit.SECONDS);
			long start = System.nanoTime();
			go.countDown();
			long succeeded = 0;
			for (Future<Boolean> call : calls) {
				succeeded += call.get(GRACE.toSeconds(), TimeUnit.SECONDS) ? 1 : 0;
			}
			return new Load.Burst(succeeded, (lastSent.get() - start) / 1e6, (System.nanoTime() - start) / 1e6);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The herd of " + count + " threads did not finish", ex);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * Keeps a fixed number of threads calling for a set time, each sending its next call
	 * as soon as the last one is answered.
	 * @param restClient the RestClient
	 * @param concurrency how many threads
	 * @param duration how long new calls are started
	 * @return what was measured
	 */
	static Load.Result closedLoop(RestClient restClient, int concurrency, Duration duration) {
		List<Load.Recorder> recorders = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(concurrency);
		try {
			long cpuStart = Load.threadCpuNanos();
			long start = System.nanoTime();
			long deadline = start + duration.toNanos();
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < concurrency; i++) {
				Load.Recorder recorder = new Load.Recorder();
				recorders.add(recorder);
				workers.add(threads.submit(() -> {
					while (System.nanoTime() - deadline < 0) {
						long sent = System.nanoTime();
						boolean ok = call(restClient);
						recorder.record(ok, System.nanoTime() - sent);
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(duration.plus(GRACE).toSeconds(), TimeUnit.SECONDS);
			}
			long elapsed = System.nanoTime() - start;
			return Load.Result.of(recorders, elapsed, Load.threadCpuNanos() - cpuStart);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The closed loop did not finish", ex);
		}
		finally {
			stop(threads);
		}
	}

	/**
	 * Stops the threads and waits until they are gone, so that the next measurement does
	 * not count them at its start and lose their CPU time when they end.
	 * @param threads the load's threads
	 */
	private static void stop(ExecutorService threads) {
		threads.shutdownNow();
		try {
			if (!threads.awaitTermination(GRACE.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("The closed loop's threads did not stop");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the closed loop's threads stopped", ex);
		}
	}

}
