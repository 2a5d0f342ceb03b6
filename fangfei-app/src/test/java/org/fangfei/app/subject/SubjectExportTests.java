package org.fangfei.app.subject;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.Uploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledger's Excel export and the import pages through the web layer, as the demo
 * county office and a township account.
 */
@IntegrationTest
class SubjectExportTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Subjects subjects;

	UserDetails office;

	UserDetails huishi;

	@BeforeEach
	void signIn() {
		this.office = this.accounts.ready("office");
		this.huishi = this.accounts.ready("huishi");
	}

	@Test
	void theExportHasChineseHeadersMaskedIdNumbersAndOnlyTheCallersScope() throws Exception {
		String id = SubjectTestData.idNumber();
		this.subjects.create(
				new SubjectForm(SubjectKind.INDIVIDUAL, "导出测试会师某人", null, id, null, null, null, null, null,
						"620422100001", null, null, null, RiskLevel.ORANGE, SubjectStatus.WATCHING, null, null),
				DataScope.all(), "tester");
		this.subjects.create(SubjectTestData.form("导出测试郭城驿金融公司", "620422101001", null, SubjectStatus.RECTIFYING),
				DataScope.all(), "tester");

		List<List<String>> county = export(this.office, "导出测试");
		assertThat(county.get(0)).isEqualTo(SubjectExport.HEADER).contains("监管单位", "禁用字词", "身份证号");
		assertThat(county).hasSize(3);
		List<String> person = rowNamed(county, "导出测试会师某人");
		assertThat(person.get(SubjectExport.HEADER.indexOf("身份证号"))).isEqualTo(PersonalData.maskIdNumber(id));
		assertThat(person.get(SubjectExport.HEADER.indexOf("风险等级"))).isEqualTo("橙色");
		assertThat(county.toString()).doesNotContain(id);
		List<String> firm = rowNamed(county, "导出测试郭城驿金融公司");
		assertThat(firm.get(SubjectExport.HEADER.indexOf("禁用字词"))).isEqualTo("金融");
		assertThat(firm.get(SubjectExport.HEADER.indexOf("状态"))).isEqualTo("整改中");

		List<List<String>> township = export(this.huishi, "导出测试");
		assertThat(township).hasSize(2);
		assertThat(township.get(1).get(1)).isEqualTo("导出测试会师某人");
		assertThat(this.jdbc
			.sql("select summary from audit_log where action = 'EXPORT' and actor = 'huishi'"
					+ " and target_type = 'subject' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("导出风险主体台账 1 行");
	}

	@Test
	void aGridWorkerCannotExport() throws Exception {
		this.mvc.perform(get("/subjects/export").with(user(this.accounts.ready("grid"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void theImportPagesCheckThenImportOnceWithTheToken() throws Exception {
		byte[] template = this.mvc.perform(get("/subjects/import/template").with(user(this.office)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(Uploads.XLSX))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(TabularFile.read("t.xlsx", new ByteArrayInputStream(template)).get(0))
			.isEqualTo(SubjectTemplate.SUBJECT.columns());
		byte[] file = TabularFile.writeXlsx("风险主体", SubjectTemplate.SUBJECT.columns(), List.of(SubjectImportTests
			.row("企业", "导入页面测试公司", "91110000802100433B", "", "620422100001", "", "", "蓝色", "", "")));
		MvcResult checked = this.mvc
			.perform(multipart("/subjects/import/check")
				.file(new MockMultipartFile("file", "主体.xlsx", Uploads.XLSX, file))
				.with(user(this.office))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		Cookie session = SessionCookie.of(checked);
		String html = checked.getResponse().getContentAsString();
		assertThat(html).contains("全部通过校验").contains("/subjects/import/commit");
		Matcher token = TOKEN.matcher(html);
		assertThat(token.find()).isTrue();

		this.mvc
			.perform(post("/subjects/import/commit").param("token", token.group(1))
				.cookie(session)
				.with(user(this.office))
				.with(csrf()))
			.andExpect(redirectedUrl("/subjects/import"))
			.andExpect(flash().attribute("message", "已导入 1 个风险主体。"));
		assertThat(this.jdbc.sql("select risk_level from subject where credit_code = '91110000802100433B'")
			.query(String.class)
			.single()).isEqualTo("BLUE");
		this.mvc
			.perform(post("/subjects/import/commit").param("token", token.group(1))
				.cookie(session)
				.with(user(this.office))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("这次导入已失效")));
	}

	private List<List<String>> export(UserDetails who, String text) throws Exception {
		MvcResult result = this.mvc.perform(get("/subjects/export").param("text", text).with(user(who)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(Uploads.XLSX))
			.andReturn();
		assertThat(result.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
			.contains("filename*=UTF-8''%E9%A3%8E%E9%99%A9%E4%B8%BB%E4%BD%93%E5%8F%B0%E8%B4%A6-");
		return TabularFile.read("export.xlsx", new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
	}

	private static List<String> rowNamed(List<List<String>> rows, String name) {
		return rows.stream().filter(r -> r.size() > 1 && r.get(1).equals(name)).findFirst().orElseThrow();
	}

}
