package io.partnerapis.test.app;

import io.partnerapis.test.AutoConfigurePartnerStandIns;
import io.partnerapis.test.PartnerStandIns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configured as {@link AutoConfigurePartnerStandInsTests}, so Spring's test context cache
 * gives both the same context, and the same stand-ins.
 */
@SpringBootTest
@AutoConfigurePartnerStandIns
class ContextCachingTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private PartnerStandIns standIns;

	@Test
	void sameConfigurationGetsTheSameContext() {
		ContextIdentity.sameContextAs(this.context);
		assertThat(this.standIns.all()).allSatisfy((standIn) -> assertThat(standIn.isRunning()).isTrue());
	}

}
