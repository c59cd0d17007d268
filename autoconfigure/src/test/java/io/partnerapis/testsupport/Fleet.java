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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Running application instances that share one real Redis server and one partner: each a
 * context of its own, as separate JVMs would be. Started by {@link FleetExtension}.
 */
public final class Fleet {

	private final List<AssertableApplicationContext> instances;

	Fleet(List<AssertableApplicationContext> instances) {
		this.instances = instances;
	}

	/**
	 * Returns the instances.
	 * @return the contexts, in start order
	 */
	public List<AssertableApplicationContext> instances() {
		return this.instances;
	}

	/**
	 * Returns the partner WebClient of one instance.
	 * @param index the instance's index
	 * @return its WebClient for partner {@code acme}
	 */
	public WebClient webClient(int index) {
		return this.instances.get(index).getBean("acmeWebClient", WebClient.class);
	}

	/**
	 * Sends {@code perInstance} calls of {@code GET path} to every instance, all at the
	 * same moment, and returns the statuses.
	 * @param path the API path
	 * @param perInstance calls per instance
	 * @return every call's status, -1 for a call that failed without an answer
	 */
	public List<Integer> callAtOnce(String path, int perInstance) {
		int total = perInstance * this.instances.size();
		return Flux.range(0, total)
			.flatMap((i) -> call(webClient(i % this.instances.size()), path).onErrorReturn(-1), total)
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	/**
	 * Starts calling {@code GET path} at the given interval, taking the instances in
	 * turn, until the returned load is stopped.
	 * @param path the API path
	 * @param interval the time between two calls
	 * @return the running load
	 */
	public Load load(String path, Duration interval) {
		Load load = new Load();
		load.running = Flux.interval(interval)
			.flatMap((tick) -> call(webClient((int) (tick % this.instances.size())), path).doOnError(load.errors::add)
				.onErrorReturn(-1))
			.subscribe(load.statuses::add);
		return load;
	}

	private static Mono<Integer> call(WebClient webClient, String path) {
		return webClient.get()
			.uri(path)
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
	}

	/**
	 * A test that runs with the whole fleet.
	 */
	@FunctionalInterface
	public interface FleetTest {

		void run(Fleet fleet) throws Throwable;

	}

	/**
	 * Calls made at a steady rate: their statuses, -1 for a call that failed without an
	 * answer, and their errors.
	 */
	public static final class Load {

		private final List<Integer> statuses = new CopyOnWriteArrayList<>();

		private final List<Throwable> errors = new CopyOnWriteArrayList<>();

		private Disposable running;

		public void stop() {
			this.running.dispose();
		}

		public List<Integer> statuses() {
			return this.statuses;
		}

		public List<Throwable> errors() {
			return this.errors;
		}

	}

}
