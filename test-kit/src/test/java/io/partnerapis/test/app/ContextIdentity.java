package io.partnerapis.test.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records the contexts of the test classes that share one configuration, to prove that
 * Spring's test context cache gives them one context.
 */
final class ContextIdentity {

	private static final Set<ApplicationContext> contexts = ConcurrentHashMap.newKeySet();

	private ContextIdentity() {
	}

	static void sameContextAs(ApplicationContext context) {
		contexts.add(context);
		assertThat(contexts).as("contexts of test classes with the same configuration").containsExactly(context);
	}

}
