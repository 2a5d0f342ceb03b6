package org.fangfei.app.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.audit.RepeatedFailures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Other systems call the JSON API with a bearer token bound to an account: no session, no
 * CSRF token, the account's own rights and jurisdiction; unknown and revoked tokens get
 * 401 and an audit entry, a flood of them 429 and a bounded number of audit rows; only
 * the security administrator issues tokens, shown once.
 */
@IntegrationTest
class ApiClientTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RepeatedFailures failures;

	UserDetails secadmin;

	String tag;

	@BeforeEach
	void setUp() {
		this.secadmin = this.accounts.ready("secadmin");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	private String issue(String name, String username) throws Exception {
		return this.accounts.apiToken(this.mvc, name, username);
	}

	private String clue(String title, String region) {
		return "{\"source\":\"HOTLINE\",\"sourceDetail\":\"12345\",\"title\":\"" + title
				+ "\",\"description\":\"热线转来\",\"regionCode\":\"" + region + "\"}";
	}

	@Test
	void aTokenActsAsItsAccountWithoutSessionOrCsrf() throws Exception {
		String token = issue("热线平台" + this.tag, "huishi");
		assertThat(token).startsWith("ffk_").hasSizeGreaterThan(40);
		assertThat(this.jdbc.sql("select count(*) from api_client where token_hash = :t")
			.param("t", token)
			.query(Long.class)
			.single()).as("only a digest of the token is stored").isZero();

		String created = this.mvc
			.perform(post("/api/v1/clues").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(clue("令牌登记" + this.tag, "620422100001")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = JsonPath.parse(created).read("$.id", Long.class);
		assertThat(this.jdbc.sql("select created_by from clue where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("huishi");

		// the account's jurisdiction still applies: 会师镇 cannot register in 河畔镇
		this.mvc
			.perform(post("/api/v1/clues").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(clue("越权" + this.tag, "620422102001")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("管辖范围")));
		assertThat(this.jdbc.sql("select count(*) from clue where title = :t")
			.param("t", "越权" + this.tag)
			.query(Long.class)
			.single()).isZero();
		// nor does the token open pages outside the API
		this.mvc.perform(get("/clues").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenWorksOnlyAfterASecondAdministratorApprovesItAndNeitherAloneHoldsIt() throws Exception {
		String name = "两人交接" + this.tag;
		String page = this.mvc
			.perform(post("/api-clients").with(user(this.secadmin))
				.with(csrf())
				.param("name", name)
				.param("username", "office"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待审批")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String first = TestAccounts.textOf(page, "issued-token");
		assertThat(first).startsWith("ffk_").hasSize(ApiClients.FIRST_HALF);
		assertThat(enabled(name)).as("disabled until approved").isFalse();
		long approval = this.jdbc.sql("""
				select a.id from account_approval a join api_client c on c.id = a.api_client_id
				where c.name = :n and a.status = 'PENDING'
				""").param("n", name).query(Long.class).single();

		// the issuing administrator cannot approve his own token
		this.mvc.perform(post("/approvals/{id}/approve", approval).with(user(this.secadmin)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("另一名管理员")));
		assertThat(enabled(name)).isFalse();
		this.mvc.perform(get("/api/v1/clues").header("Authorization", "Bearer " + first))
			.andExpect(status().isUnauthorized());

		String second = this.mvc
			.perform(post("/approvals/{id}/approve", approval).with(user(this.accounts.ready("sysadmin"))).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = first + TestAccounts.textOf(second, "second-half");
		assertThat(second).doesNotContain(first);
		assertThat(enabled(name)).isTrue();
		this.mvc.perform(get("/api/v1/clues").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		assertThat(this.jdbc
			.sql("""
					select count(*) from audit_log where action in ('APPROVAL_REQUEST', 'APPROVAL_APPROVE', 'APPROVAL_DECIDE')
					and target_id = :id
					""")
			.param("id", String.valueOf(approval))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aTokenWaitingForApprovalCanBeWithdrawnAndIsThenNeverApproved() throws Exception {
		String name = "撤回" + this.tag;
		this.mvc
			.perform(post("/api-clients").with(user(this.secadmin))
				.with(csrf())
				.param("name", name)
				.param("username", "office"))
			.andExpect(status().isOk());
		long id = this.jdbc.sql("select id from api_client where name = :n")
			.param("n", name)
			.query(Long.class)
			.single();
		this.mvc.perform(post("/api-clients/{id}/revoke", id).with(user(this.secadmin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select status from account_approval where api_client_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("WITHDRAWN");
		this.mvc.perform(get("/api-clients").with(user(this.secadmin)))
			.andExpect(content().string(containsString("未获批准")));
		assertThat(enabled(name)).isFalse();
	}

	private boolean enabled(String name) {
		return this.jdbc.sql("select enabled from api_client where name = :n")
			.param("n", name)
			.query(Boolean.class)
			.single();
	}

	@Test
	void unknownAndRevokedTokensAreRefusedAndAudited() throws Exception {
		String name = "银行报送" + this.tag;
		String token = issue(name, "office");
		this.mvc.perform(get("/api/v1/clues").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		long id = this.jdbc.sql("select id from api_client where name = :n")
			.param("n", name)
			.query(Long.class)
			.single();
		this.mvc.perform(post("/api-clients/{id}/revoke", id).with(user(this.secadmin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/clues").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/clues").header("Authorization", "Bearer ffk_guessed" + this.tag))
			.andExpect(status().isUnauthorized());
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'API_TOKEN' and outcome = 'FAILURE'
				and occurred_at > now() - interval '1 minute'
				""").query(Long.class).single()).isGreaterThanOrEqualTo(2);
		assertThat(
				this.jdbc.sql("select count(*) from audit_log where action = 'API_CLIENT_REVOKE' and target_id = :id")
					.param("id", String.valueOf(id))
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void aFloodOfBogusTokensIsThrottledAndAuditedInAFewRowsWithTheRightCount() throws Exception {
		String address = "203.0.113.8";
		int unauthorized = 0;
		MockHttpServletResponse last = null;
		for (int i = 0; i < 200; i++) {
			last = this.mvc
				.perform(get("/api/v1/clues?page=" + i).header("Authorization", "Bearer ffk_bogus" + this.tag + i)
					.with(from(address)))
				.andReturn()
				.getResponse();
			if (last.getStatus() == 401) {
				unauthorized++;
			}
			else {
				assertThat(last.getStatus()).isEqualTo(429);
			}
		}
		assertThat(unauthorized).isEqualTo(ApiTokenFilter.FAILURES);
		assertThat(last.getContentAsString(StandardCharsets.UTF_8)).contains("无效接入令牌的请求过多");
		assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isPositive();
		// another address with a good token is not affected
		String token = issue("限流旁观" + this.tag, "office");
		this.mvc.perform(get("/api/v1/clues").header("Authorization", "Bearer " + token).with(from("203.0.113.9")))
			.andExpect(status().isOk());

		this.failures.closeAll();
		List<String> rows = this.jdbc
			.sql("select summary from audit_log where action = 'API_TOKEN' and actor_ip = :a order by id")
			.param("a", address)
			.query(String.class)
			.list();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).isEqualTo("无效的接入令牌：GET /api/v1/clues");
		assertThat(rows.get(1)).startsWith("同一地址 200 次(首次 ")
			.endsWith("最近一次：无效的接入令牌过多，已拒绝：GET /api/v1/clues")
			.doesNotContain("page=");
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void onlyTheSecurityAdministratorIssuesAndAdministratorAccountsCannotBeBound() throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc
			.perform(post("/api-clients").with(user(office))
				.with(csrf())
				.param("name", "x" + this.tag)
				.param("username", "office"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api-clients").with(user(this.secadmin))
				.with(csrf())
				.param("name", "审计" + this.tag)
				.param("username", "auditadmin"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能使用管理员账号")));
		this.mvc
			.perform(post("/api-clients").with(user(this.secadmin))
				.with(csrf())
				.param("name", "无名" + this.tag)
				.param("username", "nobody" + this.tag))
			.andExpect(content().string(containsString("没有用户名为")));
		assertThat(this.jdbc.sql("select count(*) from api_client where name in (:a, :b)")
			.param("a", "审计" + this.tag)
			.param("b", "无名" + this.tag)
			.query(Long.class)
			.single()).isZero();
	}

}
