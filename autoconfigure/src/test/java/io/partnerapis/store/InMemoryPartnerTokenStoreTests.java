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

package io.partnerapis.store;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.partnerapis.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryPartnerTokenStore}: its lease, with a controllable clock, and
 * its save announcements.
 */
class InMemoryPartnerTokenStoreTests {

	private static final Duration BLOCK = Duration.ofSeconds(5);

	private final MutableClock clock = new MutableClock();

	private final InMemoryPartnerTokenStore store = new InMemoryPartnerTokenStore(this.clock);

	private final TokenKey key = TokenKey.of("acme", "https://auth.acme.example/token", "client-acme", Set.of(), null);

	@Test
	void leaseIsHeldByOneHolderUntilItIsReleasedOrRunsOut() {
		assertThat(this.store.tryLease(this.key, "instance-a", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
		assertThat(this.store.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isFalse();
		this.store.releaseLease(this.key, "instance-b").block(BLOCK);
		assertThat(this.store.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isFalse();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.store.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
	}

	@Test
	void holderThatStillHoldsTheLeaseTakesItAgainForTheNewTime() {
		assertThat(this.store.tryLease(this.key, "instance-a", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
		assertThat(this.store.tryLease(this.key, "instance-a", Duration.ofMinutes(10)).block(BLOCK)).isTrue();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.store.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK))
			.as("the lease runs for the new time")
			.isFalse();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.store.tryLease(this.key, "instance-b", Duration.ofMinutes(1)).block(BLOCK)).isTrue();
	}

	@Test
	void saveAnnouncedWhileAnotherAnnouncementIsDeliveredIsNotLost() throws Exception {
		List<TokenKey> announced = new CopyOnWriteArrayList<>();
		CountDownLatch secondSaving = new CountDownLatch(1);
		TokenKey other = TokenKey.of("other", "https://auth.other.example/token", "client-other", Set.of(), null);
		Thread second = new Thread(() -> {
			secondSaving.countDown();
			this.store.save(other, token()).block(BLOCK);
		});
		this.store.saves().subscribe((key) -> {
			announced.add(key);
			if (key.equals(this.key)) {
				second.start();
				await(secondSaving);
				join(second);
			}
		});
		this.store.save(this.key, token()).block(BLOCK);
		assertThat(announced).as("the save that raced the first announcement").containsExactly(this.key, other);
	}

	private StoredToken token() {
		return new StoredToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token", this.clock.instant(),
				this.clock.instant().plusSeconds(60)), null);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(BLOCK.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join(BLOCK.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
