package org.fangfei.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 item 4: no single administrator ends up holding another account's credentials
 * or the power to reveal a tipster. One-time passwords come in two halves from two
 * administrators; the identity-reveal permission is given only with a second
 * administrator's approval; requests and decisions are audited.
 */
@IntegrationTest
class TwoPersonHandOverTests {

	private static final Pattern FIRST = Pattern.compile("id=\"first-half\">([^<]+)<");

	private static final Pattern SECOND = Pattern.compile("id=\"second-half\">([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Roles roles;

	private long idOf(String username) {
		return this.jdbc.sql("select id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private long audited(String action) {
		return this.jdbc.sql("select count(*) from audit_log where action = :a")
			.param("a", action)
			.query(Long.class)
			.single();
	}

	private long pendingFor(String username) {
		return this.jdbc.sql("""
				select id from account_approval where user_id = (select id from app_user where username = :u)
				and status = 'PENDING' and kind = 'PASSWORD'
				""").param("u", username).query(Long.class).single();
	}

	private long pendingRole(String username, String role) {
		return this.jdbc.sql("""
				select id from account_approval where user_id = (select id from app_user where username = :u)
				and status = 'PENDING' and kind = 'USER_ROLE' and role_code = :r
				""").param("u", username).param("r", role).query(Long.class).single();
	}

	private static String half(Pattern pattern, String page) {
		Matcher m = pattern.matcher(page);
		assertThat(m.find()).as("a half is shown").isTrue();
		return m.group(1).replace("&amp;", "&").replace("&#39;", "'");
	}

	private void signInFails(String username, String password) throws Exception {
		this.mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/login?error=bad"));
		this.jdbc.sql("update app_user set failed_attempts = 0 where username = :u").param("u", username).update();
	}

	private Cookie signIn(String username, String password) throws Exception {
		return SessionCookie.of(this.mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn());
	}

	private String approve(UserDetails approver, long requestId) throws Exception {
		return this.mvc.perform(post("/approvals/{id}/approve", requestId).with(user(approver)).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theSecurityAdministratorAloneCannotRevealATipsterThroughAnAccountHeCreated() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		UserDetails sys = this.accounts.ready("sysadmin");
		long requestsBefore = audited("APPROVAL_REQUEST");
		String page = this.mvc
			.perform(post("/users").with(user(sec))
				.with(csrf())
				.param("username", "head-by-one")
				.param("displayName", "一人所建负责人")
				.param("regionCode", "620422000000")
				.param("roles", "OFFICE_HEAD"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只显示这一次")))
			.andExpect(content().string(containsString("须经另一名管理员审批后才授予")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String first = half(FIRST, page);
		assertThat(audited("APPROVAL_REQUEST")).isEqualTo(requestsBefore + 2);
		assertThat(this.jdbc.sql("select count(*) from user_role where user_id = :id")
			.param("id", idOf("head-by-one"))
			.query(Long.class)
			.single()).as("the sensitive role waits").isZero();

		// what the security administrator holds does not sign in
		signInFails("head-by-one", first);
		// nor may he approve his own request
		this.mvc.perform(post("/approvals/{id}/approve", pendingFor("head-by-one")).with(user(sec)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能审批自己提出的申请")));

		// the system administrator approves the password: the halves together sign in
		String second = half(SECOND, approve(sys, pendingFor("head-by-one")));
		signInFails("head-by-one", second);
		Cookie session = signIn("head-by-one", first + second);
		this.mvc.perform(get("/tips").cookie(session)).andExpect(redirectedUrl("/password"));
		this.mvc
			.perform(post("/password").cookie(session)
				.with(csrf())
				.param("currentPassword", first + second)
				.param("newPassword", "Head#ByOne2031")
				.param("confirmPassword", "Head#ByOne2031"))
			.andExpect(redirectedUrl("/login?changed"));
		session = signIn("head-by-one", "Head#ByOne2031");
		this.mvc.perform(post("/tips/1/reporter").cookie(session).with(csrf()).param("reason", "核实"))
			.andExpect(status().isForbidden());

		// the role is given when a second administrator approves it
		approve(sys, pendingRole("head-by-one", "OFFICE_HEAD"));
		this.mvc.perform(post("/tips/1/reporter").cookie(session).with(csrf()).param("reason", "核实"))
			.andExpect(status().is(not(403)));
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'APPROVAL_APPROVE' and actor = 'sysadmin'
				and summary like '%head-by-one%'
				""").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theSecurityAdministratorAloneCannotSignInAsTheAuditAdministratorAfterAReset() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		UserDetails sys = this.accounts.ready("sysadmin");
		UserDetails aud = this.accounts.ready("auditadmin");
		Cookie auditorsSession = signIn("auditadmin", TestAccounts.PASSWORD);
		String first = half(FIRST,
				this.mvc.perform(post("/users/{id}/password", idOf("auditadmin")).with(user(sec)).with(csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());

		// until approved nothing changes: the old password works, the half does not
		signInFails("auditadmin", first);
		signIn("auditadmin", TestAccounts.PASSWORD);
		this.mvc.perform(get("/audit").cookie(auditorsSession)).andExpect(status().isOk());
		// the account concerned cannot approve its own reset
		this.mvc.perform(post("/approvals/{id}/approve", pendingFor("auditadmin")).with(user(aud)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能审批与本人账号有关的申请")));

		String second = half(SECOND, approve(sys, pendingFor("auditadmin")));
		signInFails("auditadmin", TestAccounts.PASSWORD);
		signInFails("auditadmin", first);
		signIn("auditadmin", first + second);
		// the session signed in with the old password ends at its next request
		this.mvc.perform(get("/audit").cookie(auditorsSession)).andExpect(redirectedUrl("/login?error=credentials"));
		this.accounts.ready("auditadmin");
	}

	@Test
	void givingARoleTheRevealPermissionWaitsForASecondAdministrator() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		UserDetails aud = this.accounts.ready("auditadmin");
		List<String> before = this.roles.get("LEADER").permissions();
		List<String> with = new ArrayList<>(before);
		with.add("tip:reporter:reveal");
		try {
			MockHttpServletRequestBuilder form = post("/roles/LEADER").with(user(sec)).with(csrf());
			with.forEach(p -> form.param("permissions", p));
			this.mvc.perform(form).andExpect(redirectedUrl("/roles?pending"));
			assertThat(this.roles.permissionsOf(List.of("LEADER"))).doesNotContain("tip:reporter:reveal");
			long id = this.jdbc.sql("""
					select id from account_approval where kind = 'ROLE_PERMISSION' and role_code = 'LEADER'
					and permission = 'tip:reporter:reveal' and status = 'PENDING'
					""").query(Long.class).single();
			this.mvc.perform(get("/approvals").with(user(aud)))
				.andExpect(content().string(containsString("为角色“领导”增加权限“查看举报人身份”")));
			this.mvc.perform(post("/approvals/{id}/approve", id).with(user(aud)).with(csrf()))
				.andExpect(redirectedUrl("/approvals?approved"));
			assertThat(this.roles.permissionsOf(List.of("LEADER"))).contains("tip:reporter:reveal");
			// a decided request is not decided again
			this.mvc
				.perform(post("/approvals/{id}/reject", id).with(user(this.accounts.ready("sysadmin"))).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("该申请已处理")));
		}
		finally {
			this.roles.grant("LEADER", before, null);
		}
		assertThat(this.roles.permissionsOf(List.of("LEADER"))).doesNotContain("tip:reporter:reveal");
	}

	@Test
	void aRoleWaitingForTheRevealPermissionIsNotGivenFreelyMeanwhile() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		UserDetails aud = this.accounts.ready("auditadmin");
		List<String> before = this.roles.get("OFFICE").permissions();
		List<String> with = new ArrayList<>(before);
		with.add("tip:reporter:reveal");
		MockHttpServletRequestBuilder form = post("/roles/OFFICE").with(user(sec)).with(csrf());
		with.forEach(p -> form.param("permissions", p));
		this.mvc.perform(form).andExpect(redirectedUrl("/roles?pending"));
		long permission = this.jdbc.sql("""
				select id from account_approval where kind = 'ROLE_PERMISSION' and role_code = 'OFFICE'
				and permission = 'tip:reporter:reveal' and status = 'PENDING'
				""").query(Long.class).single();
		long id = idOf("leader");
		try {
			this.mvc
				.perform(post("/users/{id}", id).with(user(sec))
					.with(csrf())
					.param("username", "leader")
					.param("displayName", "县领导 李明")
					.param("regionCode", "620422000000")
					.param("roles", "LEADER", "OFFICE"))
				.andExpect(redirectedUrl("/users?pending"));
			assertThat(this.jdbc.sql("select role_code from user_role where user_id = :id")
				.param("id", id)
				.query(String.class)
				.list()).as("the role waits for its own approval").doesNotContain("OFFICE");
			this.mvc
				.perform(post("/approvals/{id}/reject", pendingRole("leader", "OFFICE")).with(user(aud)).with(csrf()))
				.andExpect(redirectedUrl("/approvals?rejected"));
		}
		finally {
			this.mvc.perform(post("/approvals/{id}/reject", permission).with(user(aud)).with(csrf()));
		}
		assertThat(this.roles.permissionsOf(List.of("OFFICE"))).doesNotContain("tip:reporter:reveal");
	}

	@Test
	void aRoleTakenOutOfTheFormBeforeApprovalIsNotGivenLater() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		long id = idOf("leader");
		this.mvc
			.perform(post("/users/{id}", id).with(user(sec))
				.with(csrf())
				.param("username", "leader")
				.param("displayName", "县领导 李明")
				.param("regionCode", "620422000000")
				.param("roles", "LEADER", "OFFICE_HEAD"))
			.andExpect(redirectedUrl("/users?pending"));
		long request = pendingRole("leader", "OFFICE_HEAD");
		assertThat(this.roles.permissionsOf(this.jdbc.sql("select role_code from user_role where user_id = :id")
			.param("id", id)
			.query(String.class)
			.list())).doesNotContain("tip:reporter:reveal");
		this.mvc
			.perform(post("/users/{id}", id).with(user(sec))
				.with(csrf())
				.param("username", "leader")
				.param("displayName", "县领导 李明")
				.param("regionCode", "620422000000")
				.param("roles", "LEADER"))
			.andExpect(redirectedUrl("/users"));
		this.mvc
			.perform(post("/approvals/{id}/approve", request).with(user(this.accounts.ready("sysadmin"))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该申请已处理")));
		assertThat(this.jdbc.sql("select role_code from user_role where user_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("LEADER");
	}

	@Test
	void aRejectedResetChangesNothingAndOnlyAdministratorsDecide() throws Exception {
		UserDetails sec = this.accounts.ready("secadmin");
		UserDetails sys = this.accounts.ready("sysadmin");
		this.accounts.ready("leader");
		this.mvc.perform(post("/users/{id}/password", idOf("leader")).with(user(sec)).with(csrf()))
			.andExpect(status().isOk());
		long id = pendingFor("leader");
		this.mvc.perform(get("/approvals").with(user(this.accounts.ready("office")))).andExpect(status().isForbidden());
		this.mvc.perform(post("/approvals/{id}/approve", id).with(user(this.accounts.ready("office"))).with(csrf()))
			.andExpect(status().isForbidden());
		long rejectedBefore = audited("APPROVAL_REJECT");
		this.mvc.perform(post("/approvals/{id}/reject", id).with(user(sys)).with(csrf()))
			.andExpect(redirectedUrl("/approvals?rejected"));
		assertThat(audited("APPROVAL_REJECT")).isEqualTo(rejectedBefore + 1);
		assertThat(this.jdbc.sql("select second_half_enc is null from account_approval where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).as("the second half is not kept").isTrue();
		signIn("leader", TestAccounts.PASSWORD);
	}

}
