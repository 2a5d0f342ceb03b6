package org.fangfei.app.security;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 三员分立: the system, security and audit administrators are separate accounts with separate
 * powers, enforced by the server and by the database.
 */
@IntegrationTest
class SeparationOfDutiesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Users users;

	@Autowired
	Roles roles;

	private long usersNamed(String username) {
		return this.jdbc.sql("select count(*) from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	@Test
	void administratorRolesCannotBeCombined() {
		for (List<String> combination : List.of(List.of("SYS_ADMIN", "AUDIT_ADMIN"),
				List.of("SEC_ADMIN", "AUDIT_ADMIN"), List.of("SYS_ADMIN", "OFFICE"))) {
			UserForm form = new UserForm("mixed-admin", "混合", "620422000000", null, combination);
			assertThatThrownBy(() -> this.users.create(form, "Any#Pass2026x", java.util.Set.of(), -1))
				.isInstanceOf(Rejected.class)
				.hasMessageContaining("三员分立");
		}
		assertThat(usersNamed("mixed-admin")).isZero();
	}

	@Test
	void theDatabaseRefusesACombinationWrittenAroundTheServer() {
		long auditadmin = this.jdbc.sql("select id from app_user where username = 'auditadmin'")
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.jdbc.sql("insert into user_role (user_id, role_code) values (:id, 'SYS_ADMIN')")
			.param("id", auditadmin)
			.update()).hasMessageContaining("三员分立");
	}

	@Test
	void eachAdministratorReachesOnlyTheirOwnPages() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		UserDetails sec = this.accounts.ready("secadmin");
		UserDetails aud = this.accounts.ready("auditadmin");
		this.mvc.perform(get("/org/tree").with(user(sys))).andExpect(status().isOk());
		this.mvc.perform(get("/users").with(user(sys))).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit").with(user(sys))).andExpect(status().isForbidden());
		this.mvc.perform(get("/users").with(user(sec))).andExpect(status().isOk());
		this.mvc.perform(get("/settings").with(user(sec))).andExpect(status().isOk());
		this.mvc.perform(get("/org/tree").with(user(sec))).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit").with(user(sec))).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit").with(user(aud))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/audit").with(user(aud))).andExpect(status().isOk());
		this.mvc.perform(get("/users").with(user(aud))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/grids").with(user(aud))).andExpect(status().isForbidden());
	}

	@Test
	void theSecurityAdministratorCannotChangeTheirOwnRoles() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		long id = this.jdbc.sql("select id from app_user where username = 'secadmin'").query(Long.class).single();
		this.mvc
			.perform(post("/users/{id}", id).with(user(sec))
				.with(csrf())
				.param("username", "secadmin")
				.param("displayName", "安全保密管理员")
				.param("roles", "AUDIT_ADMIN"))
			.andExpect(content().string(containsString("不能修改自己的角色")));
		assertThat(this.jdbc.sql("select role_code from user_role where user_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("SEC_ADMIN");
	}

	@Test
	void aDisabledAccountLosesItsSessionAtOnce() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		this.accounts.ready("leader");
		Cookie session = SessionCookie.of(
				this.mvc
					.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
						.formLogin("/login")
						.user("leader")
						.password(TestAccounts.PASSWORD))
					.andReturn());
		this.mvc.perform(get("/org/tree").cookie(session)).andExpect(status().isOk());
		long id = this.jdbc.sql("select id from app_user where username = 'leader'").query(Long.class).single();
		this.mvc.perform(post("/users/{id}/enabled", id).with(user(sec)).with(csrf()).param("enabled", "false"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/org/tree").cookie(session))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/login?error=disabled"));
		this.mvc.perform(get("/api/v1/grids").cookie(session)).andExpect(status().isUnauthorized());
		this.accounts.ready("leader");
	}

	@Test
	void administratorPermissionsAreFixed() {
		assertThatThrownBy(() -> this.roles.grant("SYS_ADMIN", List.of("org:grid:view"), null))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("三员分立");
		assertThatThrownBy(() -> this.roles.grant("OFFICE", List.of("audit:log:view"), null))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("三员分立");
		assertThat(this.roles.get("OFFICE").permissions()).doesNotContain("audit:log:view");
	}

	@Test
	void theSecurityAdministratorCreatesAnAccountWithAOneTimePassword() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		this.mvc
			.perform(post("/users").with(user(sec))
				.with(csrf())
				.param("username", "zhongchuan")
				.param("displayName", "中川镇 孙强")
				.param("regionCode", "620422113000")
				.param("roles", "TOWNSHIP"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只显示这一次")));
		assertThat(this.jdbc.sql("select must_change_password from app_user where username = 'zhongchuan'")
			.query(Boolean.class)
			.single()).isTrue();
		this.mvc
			.perform(post("/users").with(user(sec))
				.with(csrf())
				.param("username", "Bad Name")
				.param("displayName", "")
				.param("roles", "TOWNSHIP"))
			.andExpect(content().string(containsString("用户名为3到40位小写字母")))
			.andExpect(content().string(containsString("请填写姓名")));
		assertThat(usersNamed("Bad Name")).isZero();
	}

}
