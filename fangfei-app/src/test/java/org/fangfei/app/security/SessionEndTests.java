package org.fangfei.app.security;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 12 items 9 and 17: a changed password ends the account's other sessions; the
 * security administrator sees who is signed in (在线用户) and ends a session (强退).
 */
@IntegrationTest
class SessionEndTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	OnlineUsers online;

	private Cookie signIn(String username, String password, String address, String userAgent) throws Exception {
		return SessionCookie.of(this.mvc.perform(post("/login").with(csrf())
			.param("username", username)
			.param("password", password)
			.header("User-Agent", userAgent)
			.with(r -> {
				r.setRemoteAddr(address);
				return r;
			})).andExpect(redirectedUrl("/")).andReturn());
	}

	private List<OnlineUsers.Online> sessionsOf(String username) {
		return this.online.list(null).stream().filter(o -> o.username().equals(username)).toList();
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsOfTheAccount() throws Exception {
		this.accounts.ready("hepan");
		Cookie phone = signIn("hepan", TestAccounts.PASSWORD, "127.0.0.21", "Android");
		Cookie desk = signIn("hepan", TestAccounts.PASSWORD, "127.0.0.22", "Windows");
		this.mvc.perform(get("/org/tree").cookie(phone)).andExpect(status().isOk());
		this.mvc
			.perform(post("/password").cookie(desk)
				.with(csrf())
				.param("currentPassword", TestAccounts.PASSWORD)
				.param("newPassword", "Riverside#2031x")
				.param("confirmPassword", "Riverside#2031x"))
			.andExpect(redirectedUrl("/login?changed"));
		this.mvc.perform(get("/org/tree").cookie(phone)).andExpect(redirectedUrl("/login?error=credentials"));
		this.mvc.perform(get("/api/v1/grids").cookie(phone)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/login").param("error", "credentials"))
			.andExpect(content().string(containsString("密码已修改或重置，请用新密码重新登录")));
		Cookie fresh = signIn("hepan", "Riverside#2031x", "127.0.0.21", "Android");
		this.mvc.perform(get("/org/tree").cookie(fresh)).andExpect(status().isOk());
		this.accounts.ready("hepan");
	}

	@Test
	void theSecurityAdministratorSeesBothSessionsAndEndsOne() throws Exception {
		this.accounts.ready("chief");
		var sec = this.accounts.ready("secadmin");
		String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
		String wechat = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile MicroMessenger/8.0";
		Cookie first = signIn("chief", TestAccounts.PASSWORD, "127.0.0.31", chrome);
		Cookie second = signIn("chief", TestAccounts.PASSWORD, "127.0.0.32", wechat);

		List<OnlineUsers.Online> chiefs = sessionsOf("chief");
		assertThat(chiefs).extracting(OnlineUsers.Online::address).contains("127.0.0.31", "127.0.0.32");
		assertThat(chiefs).extracting(OnlineUsers.Online::browser).contains("Chrome / Windows", "微信 / Android");
		assertThat(chiefs).allSatisfy(o -> assertThat(o.displayName()).isEqualTo("县处非办主任 周强"));
		this.mvc.perform(get("/online").with(user(sec)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("127.0.0.31")))
			.andExpect(content().string(containsString("127.0.0.32")));
		this.mvc.perform(get("/online").with(user(this.accounts.ready("office")))).andExpect(status().isForbidden());

		String handle = chiefs.stream().filter(o -> o.address().equals("127.0.0.31")).findFirst().get().handle();
		long auditedBefore = this.jdbc
			.sql("select count(*) from audit_log where action = 'FORCE_LOGOUT'" + " and outcome = 'SUCCESS'")
			.query(Long.class)
			.single();
		this.mvc.perform(post("/online/force-logout").with(user(sec)).with(csrf()).param("session", handle))
			.andExpect(redirectedUrl("/online?ended"));
		this.mvc.perform(get("/tips").cookie(first)).andExpect(redirectedUrl("/login?error=ended"));
		this.mvc.perform(get("/tips").cookie(second)).andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'FORCE_LOGOUT' and outcome = 'SUCCESS'")
			.query(Long.class)
			.single()).isEqualTo(auditedBefore + 1);
		assertThat(sessionsOf("chief")).extracting(OnlineUsers.Online::address).doesNotContain("127.0.0.31");

		// an ended or unknown session cannot be ended again; the attempt is audited
		this.mvc.perform(post("/online/force-logout").with(user(sec)).with(csrf()).param("session", handle))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该会话已结束")));
		this.mvc.perform(post("/online/force-logout").with(user(sec)).with(csrf())).andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'FORCE_LOGOUT' and outcome = 'FAILURE'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theSecurityAdministratorCannotEndTheirOwnSession() throws Exception {
		this.accounts.ready("secadmin");
		Cookie mine = signIn("secadmin", TestAccounts.PASSWORD, "127.0.0.41", "Firefox/128.0");
		String handle = sessionsOf("secadmin").stream()
			.filter(o -> o.address().equals("127.0.0.41"))
			.findFirst()
			.get()
			.handle();
		this.mvc.perform(post("/online/force-logout").cookie(mine).with(csrf()).param("session", handle))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能强退自己的会话")));
		this.mvc.perform(get("/online").cookie(mine))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前会话")));
	}

	@Test
	void aSessionTheApplicationCanNoLongerReadAsksForASignInInsteadOfFailing() throws Exception {
		this.accounts.ready("hepan");
		Cookie session = signIn("hepan", TestAccounts.PASSWORD, "127.0.0.51", "Firefox/128.0");
		this.mvc.perform(get("/org/tree").cookie(session)).andExpect(status().isOk());
		// as after a release whose classes no longer read what an older one stored
		assertThat(this.jdbc.sql("""
				update spring_session_attributes set attribute_bytes = :junk
				where attribute_name = 'SPRING_SECURITY_CONTEXT'
				  and session_primary_id = (select primary_id from spring_session where session_id = :id)
				""")
			.param("junk", new byte[] { (byte) 0xac, (byte) 0xed, 0, 5, 1, 2, 3 })
			.param("id", SessionCookie.sessionId(session))
			.update()).isOne();
		this.mvc.perform(get("/org/tree").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
	}

}
