package org.fangfei.app.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone and 公民身份号码 (GB 11643) checks and masks.
 */
class PersonalDataTests {

	@Test
	void acceptsIdNumbersWithTheRightCheckCharacter() {
		assertThat(PersonalData.isValidIdNumber("11010519491231002X")).isTrue();
		assertThat(PersonalData.isValidIdNumber("440524188001010014")).isTrue();
	}

	@Test
	void refusesWrongCheckCharactersDatesAndShapes() {
		assertThat(PersonalData.isValidIdNumber("110105194912310021")).isFalse();
		assertThat(PersonalData.isValidIdNumber("110105194902300029")).isFalse();
		assertThat(PersonalData.isValidIdNumber("11010519491231002")).isFalse();
		assertThat(PersonalData.isValidIdNumber("1101051949123100ZX")).isFalse();
		assertThat(PersonalData.isValidIdNumber(null)).isFalse();
	}

	@Test
	void normalisesAndChecksPhones() {
		assertThat(PersonalData.normalisePhone("+86 139-1234-5678")).isEqualTo("13912345678");
		assertThat(PersonalData.isValidPhone("13912345678")).isTrue();
		assertThat(PersonalData.isValidPhone("09431234567")).isTrue();
		assertThat(PersonalData.isValidPhone("12912345678")).isFalse();
		assertThat(PersonalData.isValidPhone("1391234567")).isFalse();
		assertThat(PersonalData.isValidPhone("139123456789")).isFalse();
	}

	@Test
	void masks() {
		assertThat(PersonalData.maskPhone("13912345678")).isEqualTo("139****5678");
		assertThat(PersonalData.maskIdNumber("11010519491231002X")).isEqualTo("110105********002X");
	}

}
