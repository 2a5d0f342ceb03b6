package org.fangfei.app.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Inputs from the security review that answered 500 with a long stack trace — a region
 * filter that is not 12 digits (with a line break to forge a log line), NUL characters in
 * a search, a form or an import, a password over bcrypt's 72 bytes — get a 400 with a
 * Chinese reason and one log line in which the input cannot start a line of its own.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests {

	private static final String FORGED = "FORGED-5c1e ERROR o.f.a.security: admin signed in";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegionFilterThatIsNot12DigitsIsRefusedOnOneLogLine(CapturedOutput output) throws Exception {
		UserDetails office = this.accounts.ready("office");
		String html = this.mvc.perform(get("/clues").param("regionCode", "x\n" + FORGED).with(user(office)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("区划代码应为12位数字");
		this.mvc.perform(get("/clues").param("regionCode", "6204").with(user(office)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("区划代码应为12位数字")));
		this.mvc.perform(get("/api/v1/clues").param("regionCode", "62042210000x").with(user(office)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("区划代码应为12位数字"));
		assertThat(output.getAll()).contains("Refused GET /clues").doesNotContain("Exception");
		assertNoForgedLine(output);
	}

	@Test
	void aParameterOfTheWrongTypeIsRefusedWithAChinesePage(CapturedOutput output) throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc.perform(get("/clues").param("page", "x\n" + FORGED).with(user(office)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("参数 page 格式不正确")));
		assertThat(output.getAll()).contains("Refused GET /clues");
		assertNoForgedLine(output);
	}

	@Test
	void nulInASearchOrAFormIsRefusedBeforeItReachesTheDatabase(CapturedOutput output) throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc.perform(get("/clues").param("text", "养老\u0000").with(user(office)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("空字符(NUL)")));
		this.mvc.perform(get("/subjects").param("text", "\u0000").with(user(office)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/clues").param("text", "a\u0000b").with(user(office)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(NulCharacterFilter.MESSAGE));
		// the parameter's name is logged: escaped, it cannot start a forged line
		this.mvc.perform(get("/clues").param("q\n" + FORGED, "\u0000").with(user(office)))
			.andExpect(status().isBadRequest());
		assertThat(output.getAll()).contains("NUL character in parameter q\\n" + FORGED);
		assertNoForgedLine(output);
		// nor can NUL in the sign-in form reach the account lookup
		this.mvc.perform(formLogin("/login").user("office\u0000").password("x")).andExpect(status().isBadRequest());
	}

	@Test
	void nulInAJsonBodyIsRefusedAndNothingIsStored(CapturedOutput output) throws Exception {
		UserDetails office = this.accounts.ready("office");
		long before = count("select count(*) from clue");
		String body = """
				{"source":"HOTLINE","title":"NUL \\u0000 题目","description":"集资情况","regionCode":"620422100001",
				 "amount":"20000","peopleCount":3}""";
		this.mvc
			.perform(post("/api/v1/clues").with(user(office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(NulCharacterFilter.MESSAGE));
		assertThat(count("select count(*) from clue")).isEqualTo(before);
		assertThat(output.getAll()).doesNotContain("	at org.postgresql");
	}

	@Test
	void nulInTheTextOfAMultipartFormIsRefusedAndNothingIsStored() throws Exception {
		long before = count("select count(*) from tip");
		Cookie session = SessionCookie.of(this.mvc.perform(get("/tip/captcha.png")).andReturn());
		this.mvc.perform(multipart("/tip").cookie(session)
			.with(csrf())
			.param("captcha", "42")
			.param("subjectName", "某某公司\u0000")
			.param("whatHappened", "在小区门口发传单，承诺年息百分之二十。")
			.param("anonymous", "true")
			.with(r -> {
				r.setRemoteAddr("10.78.0.1");
				return r;
			})).andExpect(status().isBadRequest()).andExpect(content().string(containsString("空字符(NUL)")));
		assertThat(count("select count(*) from tip")).isEqualTo(before);
	}

	@Test
	void nulInTheNameOfAnUploadedFileIsRefusedAndNothingIsStored() throws Exception {
		UserDetails office = this.accounts.ready("office");
		long before = count("select count(*) from monitoring_batch");
		byte[] csv = "交易时间,付款账号,收款账号,交易金额\n2026-03-01 10:00:00,6222001,6222002,5.00\n".getBytes(StandardCharsets.UTF_8);
		// as a servlet container hands it over: a part with the file name as sent
		this.mvc
			.perform(multipart("/monitoring/uploads").part(new MockPart("file", "a\u0000.csv", csv))
				.with(user(office))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("空字符(NUL)")));
		this.mvc
			.perform(
					multipart("/monitoring/uploads").file(new MockMultipartFile("file", "a\u0000.csv", "text/csv", csv))
						.with(user(office))
						.with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(count("select count(*) from monitoring_batch")).isEqualTo(before);
	}

	@Test
	void nulInAnImportFileIsRefusedNamingTheRow() throws Exception {
		UserDetails office = this.accounts.ready("office");
		byte[] csv = "区划代码,名称\n620422100971,甲村\n620422100972,乙\u0000村\n".getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/api/v1/import/region/check")
				.file(new MockMultipartFile("file", "regions.csv", "text/csv", csv))
				.with(user(office))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("第 3 行含有不允许的空字符(NUL)，请删除后重新上传"));
		String page = this.mvc
			.perform(multipart("/import/check").file(new MockMultipartFile("file", "regions.csv", "text/csv", csv))
				.param("kind", "region")
				.with(user(office))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("第 3 行含有不允许的空字符(NUL)");
		assertThat(count("select count(*) from region where code in ('620422100971', '620422100972')")).isZero();
	}

	@Test
	void aPasswordOver72BytesIsRefusedWithAReasonAndNeverFailsTheSignIn() throws Exception {
		UserDetails leader = this.accounts.ready("leader");
		String chinese = "防范非法集资人人有责守护钱袋子".repeat(2) + "Ab#1"; // 30 Chinese characters:
																// 94 bytes
		MvcResult result = this.mvc
			.perform(post("/password").with(user(leader))
				.with(csrf())
				.param("currentPassword", TestAccounts.PASSWORD)
				.param("newPassword", chinese)
				.param("confirmPassword", chinese))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("密码过长：不能超过72字节");
		String long73 = "A#1" + "b".repeat(70);
		this.mvc
			.perform(post("/password").with(user(leader))
				.with(csrf())
				.param("currentPassword", long73)
				.param("newPassword", "Other#Pass2027")
				.param("confirmPassword", "Other#Pass2027"))
			.andExpect(content().string(containsString("当前密码不正确")));
		this.mvc.perform(post("/login").with(csrf()).param("username", "leader").param("password", chinese).with(r -> {
			r.setRemoteAddr("10.78.0.2");
			return r;
		})).andExpect(redirectedUrl("/login?error=bad"));
		assertThat(count("select count(*) from audit_log where action = 'CHANGE_PASSWORD' and summary = '修改密码 leader'"
				+ " and occurred_at > now() - interval '1 minute'"))
			.isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * No log line begins with the injected text: it stayed inside the line that logged
	 * it.
	 */
	private static void assertNoForgedLine(CapturedOutput output) {
		assertThat(Arrays.stream(output.getAll().split("\\R")).filter(line -> line.startsWith("FORGED-5c1e")))
			.isEmpty();
	}

}
