package io.partnerapis.test.context;

import java.util.List;
import java.util.Set;

import io.partnerapis.test.AutoConfigurePartnerStandIns;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customizers are equal for equal configurations, which is what keeps Spring's test
 * context cache working.
 */
class PartnerStandInsContextCustomizerTests {

	private final PartnerStandInsContextCustomizerFactory factory = new PartnerStandInsContextCustomizerFactory();

	@Test
	void sameConfigurationGivesEqualCustomizers() {
		assertThat(this.factory.createContextCustomizer(AllPartners.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(AlsoAllPartners.class, List.of()))
			.hasSameHashCodeAs(this.factory.createContextCustomizer(AlsoAllPartners.class, List.of()));
		assertThat(new PartnerStandInsContextCustomizer(Set.of("a", "b")))
			.isEqualTo(new PartnerStandInsContextCustomizer(Set.of("b", "a")));
	}

	@Test
	void otherPartnersGiveAnotherCustomizer() {
		assertThat(this.factory.createContextCustomizer(AllPartners.class, List.of()))
			.isNotEqualTo(this.factory.createContextCustomizer(OnlyBud.class, List.of()));
	}

	@Test
	void testsWithoutTheAnnotationAreNotCustomized() {
		assertThat(this.factory.createContextCustomizer(Object.class, List.of())).isNull();
	}

	@AutoConfigurePartnerStandIns
	static class AllPartners {

	}

	@AutoConfigurePartnerStandIns
	static class AlsoAllPartners {

	}

	@AutoConfigurePartnerStandIns("bud")
	static class OnlyBud {

	}

}
