package org.fangfei.app.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 12: what the shipped list and the patterns catch, and what they let pass.
 */
class CommonPasswordsTests {

	private final CommonPasswords common = new CommonPasswords();

	@Test
	void commonPasswordsAlsoDecoratedOrWrittenInLeetAreCaught() {
		for (String password : new String[] { "Password1", "PASSWORD", "woaini1314", "Woaini@520", "P@ssw0rd!",
				"!!Dragon2026", "Qwerty123!" }) {
			assertThat(this.common.weakness(password)).as(password).isEqualTo(CommonPasswords.Weakness.COMMON);
		}
	}

	@Test
	void repeatedGroupsAreCaught() {
		for (String password : new String[] { "Aa1!Aa1!", "Xy7#Xy7#Xy7#" }) {
			assertThat(this.common.weakness(password)).as(password).isEqualTo(CommonPasswords.Weakness.REPEATED);
		}
	}

	@Test
	void keyboardAlphabetAndDigitRunsAreCaught() {
		for (String password : new String[] { "1qaz@WSX", "Zxcv#$%^", "Asdf;lkj", "4rfv5TGB", "Hijk5678!",
				"Mnbv0987" }) {
			assertThat(this.common.weakness(password)).as(password).isEqualTo(CommonPasswords.Weakness.SEQUENCE);
		}
	}

	@Test
	void passwordsOfSomeoneWhoTriedPass() {
		for (String password : new String[] { "Tested#Pass2026", "Township#Safe2026x", "Hx7#pLm2qR", "Head#ByOne2031",
				"Gansu-Huining#88" }) {
			assertThat(this.common.weakness(password)).as(password).isNull();
		}
	}

}
