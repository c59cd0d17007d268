package io.partnerapis.test.context;

import io.partnerapis.test.PartnerStandIns;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link PartnerStandIns} of a test's context after each test method, without
 * restarting their servers, so that each test starts from no stubs, no faults and an
 * empty request journal. Registered in {@code META-INF/spring.factories}.
 *
 * @author partner-apis
 */
class PartnerStandInsResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			context.getBeanProvider(PartnerStandIns.class).ifAvailable(PartnerStandIns::reset);
		}
	}

}
