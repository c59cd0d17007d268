package io.partnerapis.usecases;

import java.time.Duration;
import java.util.Map;

import io.partnerapis.testsupport.FleetExtension;
import io.partnerapis.testsupport.PartnerStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose Redis went down closes within a few seconds, inside a Kubernetes
 * pod's default grace period of 30 s, even with Lettuce's default command timeout of 60
 * s.
 */
class FleetRedisDownShutdownTests {

	@RegisterExtension
	static final FleetExtension fleet = new FleetExtension();

	@Test
	void instanceClosesWithinAFewSecondsWhileRedisIsDown() throws Exception {
		fleet.partner().tokens(10, 3600);
		fleet.partner().apiAlwaysAnswers("/things", 200);
		try {
			fleet.instance(Map.of("token.response-timeout", "10s"))
				.withPropertyValues("spring.data.redis.timeout=60s")
				.run((context) -> {
					assertThat(
							PartnerStub.call(
									context.getBean("acmeWebClient",
											org.springframework.web.reactive.function.client.WebClient.class),
									"/things"))
						.isEqualTo(200);
					fleet.redis().stop();
					long start = System.nanoTime();
					context.close();
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
				});
		}
		finally {
			fleet.redis().start();
		}
	}

}
