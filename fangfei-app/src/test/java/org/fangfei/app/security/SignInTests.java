package org.fangfei.app.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in as a person does it: the form, the forced change of a one-time password, the
 * password policy, the slow-down after repeated failures (per address and account, never
 * a lock by name), the idle timeout, and the audit of every attempt.
 */
@IntegrationTest
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SecuritySettings settings;

	@Autowired
	SessionRepository<? extends Session> sessions;

	private long audited(String actor, String action) {
		return this.jdbc.sql("select count(*) from audit_log where actor = :a and action = :act")
			.param("a", actor)
			.param("act", action)
			.query(Long.class)
			.single();
	}

	private Cookie signIn(String username, String password) throws Exception {
		MvcResult result = this.mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return SessionCookie.of(result);
	}

	@Test
	void firstStartCreatedTheThreeAdministratorsWithForcedChange() {
		var rows = this.jdbc.sql("""
				select u.username, r.admin_kind from app_user u join user_role ur on ur.user_id = u.id
				join app_role r on r.code = ur.role_code where r.admin_kind is not null order by u.username
				""").query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list();
		assertThat(rows).contains("auditadmin:AUDIT", "secadmin:SECURITY", "sysadmin:SYSTEM");
		assertThat(this.jdbc.sql("select count(*) from app_user where password_hash not like '{bcrypt}%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSuccessfulSignInIsAuditedAndGetsTheIdleTimeout() throws Exception {
		this.accounts.ready("leader");
		long before = audited("leader", "LOGIN");
		Cookie session = signIn("leader", TestAccounts.PASSWORD);
		assertThat(this.sessions.findById(SessionCookie.sessionId(session)).getMaxInactiveInterval())
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(audited("leader", "LOGIN")).isEqualTo(before + 1);
		this.mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void signingInGivesTheSessionANewIdAndTheOldOneLeadsNowhere() throws Exception {
		this.accounts.ready("leader");
		MvcResult page = this.mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
		Cookie before = SessionCookie.of(page);
		String token = csrfTokenIn(page.getResponse().getContentAsString());
		Cookie after = SessionCookie.of(
				this.mvc
					.perform(post("/login").cookie(before)
						.param("username", "leader")
						.param("password", TestAccounts.PASSWORD)
						.param("_csrf", token))
					.andExpect(redirectedUrl("/"))
					.andReturn());
		assertThat(SessionCookie.sessionId(after)).isNotEqualTo(SessionCookie.sessionId(before));
		assertThat(this.sessions.findById(SessionCookie.sessionId(before))).as("the id seen before sign-in is gone")
			.isNull();
		this.mvc.perform(get("/org/tree").cookie(before).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/org/tree").cookie(after)).andExpect(status().isOk());
	}

	private static String csrfTokenIn(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("the form carries a CSRF token").isTrue();
		return m.group(1);
	}

	@Test
	void aWrongPasswordIsRefusedAndAudited() throws Exception {
		this.accounts.ready("leader");
		long before = audited("leader", "LOGIN_FAILED");
		this.mvc.perform(formLogin("/login").user("leader").password("wrong"))
			.andExpect(redirectedUrl("/login?error=bad"));
		assertThat(audited("leader", "LOGIN_FAILED")).isEqualTo(before + 1);
		this.mvc.perform(formLogin("/login").user("nobody-here").password("x"))
			.andExpect(redirectedUrl("/login?error=bad"));
		assertThat(audited("nobody-here", "LOGIN_FAILED")).isEqualTo(1);
	}

	@Test
	void failuresReadTheSameForExistingAndMissingAccounts() throws Exception {
		this.accounts.ready("hepan");
		List<String> existing = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			existing.add(attempt("hepan", "wrong" + i, "10.80.0.1"));
			missing.add(attempt("nobody-alike", "wrong" + i, "10.80.0.2"));
		}
		assertThat(existing).isEqualTo(missing)
			.containsExactly("/login?error=bad", "/login?error=bad", "/login?error=bad", "/login?error=bad",
					"/login?error=bad", "/login?error=wait", "/login?error=wait");
		assertThat(this.jdbc
			.sql("""
					select distinct summary from audit_log where action = 'LOGIN_FAILED' and actor in ('hepan', 'nobody-alike')
					and occurred_at > now() - interval '1 minute'
					""")
			.query(String.class)
			.list()).containsExactly("登录失败：用户名或密码错误");
		// a disabled account tells so only to whoever knows its password
		this.jdbc.sql("update app_user set enabled = false where username = 'hepan'").update();
		assertThat(attempt("hepan", "wrong", "10.80.0.3")).isEqualTo("/login?error=bad");
		assertThat(attempt("hepan", TestAccounts.PASSWORD, "10.80.0.3")).isEqualTo("/login?error=disabled");
		this.accounts.ready("hepan");
	}

	@Test
	void failuresFromOneAddressDoNotStopTheRightPasswordFromAnother() throws Exception {
		this.accounts.ready("hepan");
		for (int i = 0; i < 6; i++) {
			attempt("hepan", "wrong" + i, "10.80.1.1");
		}
		assertThat(attempt("hepan", TestAccounts.PASSWORD, "10.80.1.1")).as("that address pauses for this account")
			.isEqualTo("/login?error=wait");
		assertThat(attempt("hepan", TestAccounts.PASSWORD, "10.80.1.2")).isEqualTo("/");
		assertThat(this.jdbc.sql("select locked_until is null from app_user where username = 'hepan'")
			.query(Boolean.class)
			.single()).as("never locked by name").isTrue();
		this.mvc.perform(get("/login").param("error", "wait"))
			.andExpect(content().string(containsString("登录失败次数过多，请稍后再试")));
	}

	@Test
	void anAddressTryingManyNamesIsSlowedDown() throws Exception {
		this.accounts.ready("leader");
		for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
			assertThat(attempt("guess-" + i, "wrong", "10.80.2.1")).isEqualTo("/login?error=bad");
		}
		assertThat(attempt("leader", TestAccounts.PASSWORD, "10.80.2.1")).isEqualTo("/login?error=wait");
		assertThat(attempt("leader", TestAccounts.PASSWORD, "10.80.2.2")).isEqualTo("/");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'LOGIN_THROTTLED' and actor_ip = '10.80.2.1'
				""").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void oneNameGuessedFromManyAddressesIsSlowedDownForAll() throws Exception {
		for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
			assertThat(attempt("distributed-target", "wrong" + i, "10.80.3." + (i + 1))).isEqualTo("/login?error=bad");
		}
		assertThat(attempt("distributed-target", "wrong", "10.80.4.1")).isEqualTo("/login?error=wait");
		assertThat(attempt("Distributed-Target ", "wrong", "10.80.4.2")).as("case and spaces do not make a new name")
			.isEqualTo("/login?error=wait");
	}

	@Test
	void guessesSentAllAtOnceGetNoMoreTriesThanOneAfterAnother() throws Exception {
		int limit = this.settings.lockoutMaxFailures();
		int parallel = 24;
		ExecutorService pool = Executors.newFixedThreadPool(parallel);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < parallel; i++) {
				int n = i;
				answers.add(pool.submit(() -> {
					start.await();
					return attempt("burst-target", "wrong" + n, "10.80.5.1");
				}));
			}
			start.countDown();
			long checked = 0;
			for (Future<String> answer : answers) {
				if ("/login?error=bad".equals(answer.get())) {
					checked++;
				}
			}
			assertThat(checked).as("passwords checked for one address and name").isEqualTo(limit);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void strangersGuessingANameCannotKeepItsOwnerOutAtHerUsualDesk() throws Exception {
		this.accounts.ready("chief");
		assertThat(attempt("chief", TestAccounts.PASSWORD, "10.80.6.1")).isEqualTo("/");
		for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
			attempt("chief", "wrong" + i, "10.80.7." + (i + 1));
		}
		assertThat(attempt("chief", TestAccounts.PASSWORD, "10.80.8.1")).as("a new address is slowed down")
			.isEqualTo("/login?error=wait");
		assertThat(attempt("chief", TestAccounts.PASSWORD, "10.80.6.1")).as("her usual desk is not").isEqualTo("/");
	}

	private String attempt(String username, String password, String address) throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", password).with(r -> {
				r.setRemoteAddr(address);
				return r;
			}))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	@Test
	void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
		this.accounts.ready("office");
		this.jdbc.sql("update app_user set must_change_password = true where username = 'office'").update();
		Cookie session = signIn("office", TestAccounts.PASSWORD);
		this.mvc.perform(get("/org/tree").cookie(session)).andExpect(redirectedUrl("/password"));
		this.mvc.perform(get("/api/v1/grids").cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/password").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("须先修改密码")));
		this.mvc
			.perform(post("/password").cookie(session)
				.with(csrf())
				.param("currentPassword", TestAccounts.PASSWORD)
				.param("newPassword", "Changed#Pass2027")
				.param("confirmPassword", "Changed#Pass2027"))
			.andExpect(redirectedUrl("/login?changed"));
		Cookie fresh = signIn("office", "Changed#Pass2027");
		this.mvc.perform(get("/org/tree").cookie(fresh)).andExpect(status().isOk());
	}

	@Test
	void thePasswordPolicyRefusesWeakPasswordsWithAReason() throws Exception {
		this.accounts.ready("leader");
		Cookie session = signIn("leader", TestAccounts.PASSWORD);
		String[][] cases = { { "Ab#1", "密码至少 8 位" }, { "abcdefgh1", "至少包含大写字母、小写字母、数字、符号中的 3 类" },
				{ "Leader#2026x", "密码不能包含用户名" }, { TestAccounts.PASSWORD, "新密码不能与当前密码相同" } };
		for (String[] c : cases) {
			this.mvc
				.perform(post("/password").cookie(session)
					.with(csrf())
					.param("currentPassword", TestAccounts.PASSWORD)
					.param("newPassword", c[0])
					.param("confirmPassword", c[0]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString(c[1])));
		}
		this.mvc
			.perform(post("/password").cookie(session)
				.with(csrf())
				.param("currentPassword", "not-it")
				.param("newPassword", "Other#Pass2027")
				.param("confirmPassword", "Other#Pass2027"))
			.andExpect(content().string(containsString("当前密码不正确")));
		this.mvc
			.perform(post("/password").cookie(session)
				.with(csrf())
				.param("currentPassword", TestAccounts.PASSWORD)
				.param("newPassword", "Other#Pass2027")
				.param("confirmPassword", "Other#Pass2028"))
			.andExpect(content().string(containsString("两次输入的新密码不一致")));
	}

	@Test
	void postsWithoutCsrfTokenAreRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", "leader").param("password", TestAccounts.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void theApiAnswersUnauthorizedWithoutSignIn() throws Exception {
		this.mvc.perform(get("/api/v1/grids")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/grids").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

}
