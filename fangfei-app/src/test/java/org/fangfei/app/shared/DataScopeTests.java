package org.fangfei.app.shared;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed data scope derived from a region code.
 */
class DataScopeTests {

	@Test
	void aTownshipCoversItsVillagesOnly() {
		DataScope township = DataScope.jurisdiction("620422100000");
		assertThat(township.regionLike()).isEqualTo("620422100%");
		assertThat(township.covers("620422100001")).isTrue();
		assertThat(township.covers("620422101001")).isFalse();
		assertThat(township.covers("620422000000")).isFalse();
	}

	@Test
	void prefixesFollowTheLevelOfTheCode() {
		assertThat(DataScope.jurisdiction("620000000000").regionPrefix()).isEqualTo("62");
		assertThat(DataScope.jurisdiction("620400000000").regionPrefix()).isEqualTo("6204");
		assertThat(DataScope.jurisdiction("620422000000").regionPrefix()).isEqualTo("620422");
		assertThat(DataScope.jurisdiction("620422100001").regionPrefix()).isEqualTo("620422100001");
	}

	@Test
	void noneCoversNothingAndAllCoversEverything() {
		assertThat(DataScope.none().covers("620422100001")).isFalse();
		assertThat(DataScope.none().coversSector("REAL_ESTATE")).isFalse();
		assertThat(DataScope.all().covers("110000000000")).isTrue();
	}

	@Test
	void aDepartmentSeesItsSectors() {
		DataScope d = DataScope.department("620422000000", Set.of("REAL_ESTATE"));
		assertThat(d.coversSector("REAL_ESTATE")).isTrue();
		assertThat(d.coversSector("ELDERLY_CARE")).isFalse();
	}

	@Test
	void refusesCodesThatAreNotRegionCodes() {
		assertThatThrownBy(() -> DataScope.jurisdiction("62042%")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DataScope.jurisdiction("' or 1=1 --")).isInstanceOf(IllegalArgumentException.class);
	}

}
