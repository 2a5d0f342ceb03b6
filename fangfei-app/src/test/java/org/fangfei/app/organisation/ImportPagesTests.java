package org.fangfei.app.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.shared.TabularFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import pages and API through the web layer, signed in as a county office account of
 * this test's own (the demo accounts must still change their passwords). MockMvc is built
 * here rather than auto-configured so that this class shares the application context, and
 * its embedded PostgreSQL, with the other {@code @SpringBootTest}s.
 */
@SpringBootTest
class ImportPagesTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	private WebApplicationContext context;

	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UserDetailsService accounts;

	@Autowired
	private Regions regions;

	@Autowired
	private PasswordEncoder encoder;

	private RequestPostProcessor office;

	@BeforeEach
	void signIn() {
		// sessions as in production: in the database, found by the session cookie
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.context.getBean(SessionRepositoryFilter.class))
			.apply(springSecurity())
			.build();
		this.office = user(account("importtest", "OFFICE"));
	}

	/** An account of this test's own that need not change its password first. */
	private UserDetails account(String username, String role) {
		if (this.jdbc.sql("select count(*) from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single() == 0) {
			this.jdbc.sql("""
					insert into app_user (username, display_name, password_hash, region_code, must_change_password)
					values (:u, '导入测试', :hash, '620422000000', false)
					""").param("u", username).param("hash", this.encoder.encode("Unused#Pass2026")).update();
			this.jdbc.sql("insert into user_role (user_id, role_code) select id, :r from app_user where username = :u")
				.param("u", username)
				.param("r", role)
				.update();
		}
		return this.accounts.loadUserByUsername(username);
	}

	@Test
	void pageOffersTheTemplateOfEachKind() throws Exception {
		this.mvc.perform(get("/import").param("kind", "person").with(this.office))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("下载“人员”导入模板(.xlsx)")));
		byte[] template = this.mvc.perform(get("/import/template/grid").with(this.office))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ImportPages.XLSX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(TabularFile.read("grid.xlsx", new ByteArrayInputStream(template)).get(0))
			.isEqualTo(ImportKind.GRID.columns());
	}

	@Test
	void aFileWithErrorsShowsTheReportWithoutACommitButton() throws Exception {
		String html = this.mvc
			.perform(multipart("/import/check").file(csv("区划代码,名称\n620422100981,甲村\n6204221009,乙村\n"))
				.param("kind", "region")
				.with(this.office)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("共 2 行，1 行有错误，未写入任何数据。请修改后重新上传。")
			.contains("区划代码不合法（6204221009），应为12位数字")
			.contains("id=\"row-3\"")
			.doesNotContain("确认导入");
		assertThat(this.regions.byCode("620422100981")).isEmpty();
	}

	@Test
	void aValidFileIsImportedAfterConfirmation() throws Exception {
		MvcResult checked = this.mvc
			.perform(multipart("/import/check").file(csv("区划代码,名称\n620422100982,确认村\n"))
				.param("kind", "region")
				.with(this.office)
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		Cookie session = SessionCookie.of(checked);
		String html = checked.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("确认导入 1 行");
		assertThat(this.regions.byCode("620422100982")).isEmpty();
		Matcher token = TOKEN.matcher(html);
		assertThat(token.find()).isTrue();

		this.mvc.perform(
				post("/import/commit").param("token", token.group(1)).cookie(session).with(this.office).with(csrf()))
			.andExpect(redirectedUrl("/import?kind=region"))
			.andExpect(flash().attribute("message", "已导入 1 行区划数据。"));
		assertThat(this.regions.byCode("620422100982")).isPresent();

		// the same token cannot import twice
		String again = this.mvc.perform(
				post("/import/commit").param("token", token.group(1)).cookie(session).with(this.office).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("这次导入已失效");
	}

	@Test
	void apiChecksAndImportsAllOrNothing() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/import/region/check").file(csv("区划代码,名称\n620422100983,接口村\n"))
				.with(this.office)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.importable").value(true))
			.andExpect(jsonPath("$.rows[0].number").value(2));
		this.mvc
			.perform(multipart("/api/v1/import/region").file(csv("区划代码,名称\n620422100983,接口村\n620422100984,\n"))
				.with(this.office)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.failed").value(1))
			.andExpect(jsonPath("$.rows[1].problems[0]").value("名称不能为空"));
		assertThat(this.regions.byCode("620422100983")).isEmpty();
		this.mvc
			.perform(multipart("/api/v1/import/region").file(csv("区划代码,名称\n620422100983,接口村\n"))
				.with(this.office)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(1));
		assertThat(this.regions.byCode("620422100983")).isPresent();
	}

	@Test
	void importNeedsThePermission() throws Exception {
		UserDetails leader = account("importleader", "LEADER");
		assertThat(leader.getAuthorities()).extracting(Object::toString).doesNotContain("org:import");
		this.mvc
			.perform(multipart("/api/v1/import/region").file(csv("区划代码,名称\n620422100985,越权村\n"))
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/import").with(user(leader))).andExpect(status().isForbidden());
		assertThat(this.regions.byCode("620422100985")).isEmpty();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'ACCESS_DENIED' and actor = 'importleader'
				and summary = '无权访问 POST /api/v1/import/region'
				""").query(Long.class).single()).isEqualTo(1);
	}

	private static MockMultipartFile csv(String text) {
		return new MockMultipartFile("file", "regions.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

}
