package org.fangfei.app.security;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The security administrator's parameters: refused outside their range, audited when
 * changed, and in force at the next sign-in.
 */
@IntegrationTest
class SecuritySettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@AfterEach
	void restoreDefaults() {
		this.jdbc.sql("update setting set value = '5' where key = 'lockout.max-failures'").update();
		this.jdbc.sql("update setting set value = '30' where key = 'session.idle-minutes'").update();
	}

	private String value(String key) {
		return this.jdbc.sql("select value from setting where key = :k").param("k", key).query(String.class).single();
	}

	@Test
	void valuesOutsideTheirRangeAreRefusedAndNothingChanges() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		this.mvc
			.perform(post("/settings").with(user(sec))
				.with(csrf())
				.param("password.min-length", "4")
				.param("lockout.max-failures", "abc")
				.param("session.idle-minutes", "45"))
			.andExpect(content().string(containsString("密码最小长度应在 8 到 64 之间")))
			.andExpect(content().string(containsString("同一地址对同一账号允许连续登录失败的次数应为整数")));
		assertThat(value("password.min-length")).isEqualTo("8");
		assertThat(value("session.idle-minutes")).isEqualTo("30");
	}

	@Test
	void aChangedFailureLimitAppliesAtTheNextSignIn() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		this.mvc.perform(post("/settings").with(user(sec)).with(csrf()).param("lockout.max-failures", "3"))
			.andExpect(redirectedUrl("/settings?saved"));
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where action = 'UPDATE' and target_id = 'lockout.max-failures'")
			.query(Long.class)
			.single()).isPositive();
		this.accounts.ready("leader");
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(signIn("leader", "wrong", "10.81.0.1")).andExpect(redirectedUrl("/login?error=bad"));
		}
		this.mvc.perform(signIn("leader", TestAccounts.PASSWORD, "10.81.0.1"))
			.andExpect(redirectedUrl("/login?error=wait"));
		this.mvc.perform(signIn("leader", TestAccounts.PASSWORD, "10.81.0.2")).andExpect(redirectedUrl("/"));
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
		return post("/login").with(csrf()).param("username", username).param("password", password).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	@Test
	void onlyTheSecurityAdministratorChangesThem() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		this.mvc.perform(post("/settings").with(user(sys)).with(csrf()).param("lockout.max-failures", "20"));
		assertThat(value("lockout.max-failures")).isEqualTo("5");
	}

}
