package org.fangfei.app.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 统一社会信用代码 per GB 32100, against codes published by real enterprises.
 */
class CreditCodeTests {

	@Test
	void acceptsRealCodes() {
		assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
		assertThat(CreditCode.isValid("91110108551385082Q")).isTrue();
		assertThat(CreditCode.isValid("91110000802100433B")).isTrue();
		assertThat(CreditCode.isValid("91440300708461136T")).isTrue();
	}

	@Test
	void refusesWrongCheckCharactersLettersAndLengths() {
		assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
		assertThat(CreditCode.isValid("9135010OM000100Y43")).isFalse();
		assertThat(CreditCode.isValid("91350100I000100Y43")).isFalse();
		assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
		assertThat(CreditCode.isValid("91A50100M000100Y43")).isFalse();
		assertThat(CreditCode.isValid(null)).isFalse();
	}

	@Test
	void normalisesCaseAndSpaces() {
		assertThat(CreditCode.isValid(CreditCode.normalise(" 91350100m000100y43 "))).isTrue();
	}

}
