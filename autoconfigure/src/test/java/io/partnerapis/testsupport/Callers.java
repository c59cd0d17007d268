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

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs many blocking callers at once, on platform threads or, where the JDK has them,
 * virtual threads, all released together.
 */
public final class Callers {

	private Callers() {
	}

	/**
	 * Runs the call on {@code count} platform threads at once.
	 * @param <T> the call's result type
	 * @param count how many callers
	 * @param call the call each makes
	 * @return the results, in caller order
	 * @throws Exception if a call failed
	 */
	public static <T> List<T> onPlatformThreads(int count, Callable<T> call) throws Exception {
		return run(Executors.newFixedThreadPool(count), count, call);
	}

	/**
	 * Runs the call on {@code count} virtual threads at once. Needs Java 21 or later; the
	 * build compiles for Java 17, hence the reflection.
	 * @param <T> the call's result type
	 * @param count how many callers
	 * @param call the call each makes
	 * @return the results, in caller order
	 * @throws Exception if a call failed
	 */
	public static <T> List<T> onVirtualThreads(int count, Callable<T> call) throws Exception {
		Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
		return run((ExecutorService) factory.invoke(null), count, call);
	}

	private static <T> List<T> run(ExecutorService executor, int count, Callable<T> call) throws Exception {
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
