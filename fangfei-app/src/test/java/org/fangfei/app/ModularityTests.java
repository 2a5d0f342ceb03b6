package org.fangfei.app;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module boundaries (no cycles, no access to another module's internals) and
 * writes the module documentation to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(FangfeiApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * Every module says which modules it may use, so that
	 * {@link #modulesRespectTheirBoundaries} refuses a new dependency nobody declared.
	 */
	@Test
	void everyModuleDeclaresItsAllowedDependencies() {
		assertThat(this.modules.stream().map(ApplicationModule::getBasePackage)).allSatisfy(base -> {
			var declared = Class.forName(base.getName() + ".package-info")
				.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			assertThat(declared).as("@ApplicationModule on %s's package-info", base.getName()).isNotNull();
			assertThat(declared.allowedDependencies()).as("allowed dependencies of %s", base.getName())
				.doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
		});
	}

	@Test
	void documentsTheModules() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
