package org.fangfei.app.security;

import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 item 12: the password change refuses common and patterned passwords and the
 * account's last few passwords, each with a clear reason, and changes nothing then.
 */
@IntegrationTest
class PasswordPolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SecuritySettings settings;

	private Cookie signIn(String username, String password) throws Exception {
		return SessionCookie.of(this.mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn());
	}

	private ResultActions change(String username, String current, String next) throws Exception {
		Cookie session = signIn(username, current);
		return this.mvc.perform(post("/password").cookie(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("confirmPassword", next));
	}

	private String hashOf(String username) {
		return this.jdbc.sql("select password_hash from app_user where username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	@Test
	void commonAndPatternedPasswordsAreRefusedWithAReason() throws Exception {
		this.accounts.ready("grid");
		String hash = hashOf("grid");
		String[][] cases = { { "Password1", "密码过于常见" }, { "Woaini1314", "密码过于常见" }, { "Aa1!Aa1!", "同一组字符重复" },
				{ "1qaz@WSX", "连续的字符" }, { "Qwer1234", "密码过于常见" }, { "Zxcv#$%^", "连续的字符" } };
		for (String[] c : cases) {
			change("grid", TestAccounts.PASSWORD, c[0]).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(c[1])));
		}
		assertThat(hashOf("grid")).as("nothing written").isEqualTo(hash);
	}

	@Test
	void theLastPasswordsCannotBeUsedAgain() throws Exception {
		this.accounts.ready("market");
		change("market", TestAccounts.PASSWORD, "Stall#First2031").andExpect(redirectedUrl("/login?changed"));
		change("market", "Stall#First2031", "Stall#Second2031").andExpect(redirectedUrl("/login?changed"));
		change("market", "Stall#Second2031", "Stall#Third2031").andExpect(redirectedUrl("/login?changed"));
		String hash = hashOf("market");
		change("market", "Stall#Third2031", "Stall#First2031").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("新密码不能与最近 5 次使用过的密码相同")));
		assertThat(hashOf("market")).isEqualTo(hash);

		// with a history of two, the password before last is allowed again
		this.settings.update(Map.of("password.history", "2"));
		try {
			change("market", "Stall#Third2031", "Stall#Second2031").andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("最近 2 次")));
			change("market", "Stall#Third2031", "Stall#First2031").andExpect(redirectedUrl("/login?changed"));
		}
		finally {
			this.settings.update(Map.of("password.history", "5"));
			this.accounts.ready("market");
		}
	}

	@Test
	void theHistorySettingStaysInItsRange() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.settings.update(Map.of("password.history", "0")))
			.hasMessageContaining("不能重复使用最近几次的密码(含当前密码)应在 1 到 24 之间");
		assertThat(this.settings.passwordHistory()).isEqualTo(5);
	}

}
