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
