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

package io.partnerapis;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The packages form a layered graph without cycles: the public API at the top level
 * depends on nothing below it, the token core on the API, the store SPI and observation
 * only, the HTTP clients' attach layers on the core, and auto-configuration on
 * everything, with nothing reaching into it.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.partnerapis");

	@Test
	void packagesAreFreeOfCycles() {
		ArchRule rule = SlicesRuleDefinition.slices().matching("(**)").should().beFreeOfCycles();
		rule.check(MAIN);
	}

	@Test
	void publicApiDependsOnNothingBelowIt() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideInAPackage("io.partnerapis")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.partnerapis..")
				.and(JavaClass.Predicates.resideOutsideOfPackage("io.partnerapis")))
			.check(MAIN);
	}

	@Test
	void autoConfigurationIsReachedFromNowhereElse() {
		ArchRuleDefinition.noClasses()
			.that()
			.resideOutsideOfPackage("io.partnerapis.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.partnerapis.autoconfigure..")
			.check(MAIN);
	}

	@Test
	void layersDependOnlyDownwards() {
		Architectures.layeredArchitecture()
			.consideringOnlyDependenciesInLayers()
			.layer("API")
			.definedBy("io.partnerapis")
			.layer("Store")
			.definedBy("io.partnerapis.store..")
			.layer("Observation")
			.definedBy("io.partnerapis.observation..")
			.layer("Core")
			.definedBy("io.partnerapis.token")
			.layer("Attach")
			.definedBy("io.partnerapis.webclient..", "io.partnerapis.restclient..")
			.layer("Actuate")
			.definedBy("io.partnerapis.actuate..")
			.layer("AutoConfiguration")
			.definedBy("io.partnerapis.autoconfigure..")
			.whereLayer("AutoConfiguration")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Actuate")
			.mayOnlyBeAccessedByLayers("AutoConfiguration")
			.whereLayer("Attach")
			.mayOnlyBeAccessedByLayers("AutoConfiguration")
			.whereLayer("Core")
			.mayOnlyBeAccessedByLayers("Attach", "AutoConfiguration")
			.whereLayer("Store")
			.mayOnlyBeAccessedByLayers("Core", "AutoConfiguration")
			.check(MAIN);
	}

}
