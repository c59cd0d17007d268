package io.partnerapis.store;

import java.time.Duration;
import java.util.Set;

import io.partnerapis.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lease of {@link InMemoryPartnerTokenStore}, with a controllable clock.
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

}
