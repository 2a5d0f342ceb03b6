package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Departments ask the list by name, credit code or ID number, on the page and through the
 * API with a 接入系统 token; each question is logged with what was asked (an ID number only
 * masked) and how many entries it found; a malformed question is refused in Chinese and
 * not logged; a township sees only its own region's entries; the list, its export and the
 * subject page.
 */
@IntegrationTest
class CreditQueryTests extends CreditTestSupport {

	@Test
	void aDepartmentFindsAnEntryByEachKeyAndEveryQuestionIsLogged() throws Exception {
		String code = creditCode();
		String id = idNumber();
		long firm = enterprise("查询甲公司" + this.tag, code);
		long man = person("查询乙" + this.tag, id);
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusDays(5), "会金罚〔2026〕查" + this.tag, List.of(firm, man));
		entries(firm);

		String byName = ask(this.market, "NAME", "查询甲公司" + this.tag);
		assertThat(JsonPath.parse(byName).read("$.entries[*].subjectId", List.class)).containsExactly((int) firm);
		String byCode = ask(this.market, "CREDIT_CODE", code.toLowerCase());
		assertThat(JsonPath.parse(byCode).read("$.entries[0].creditCode", String.class)).isEqualTo(code);
		String byId = ask(this.market, "ID_NUMBER", id);
		assertThat(JsonPath.parse(byId).read("$.entries[*].subjectId", List.class)).containsExactly((int) man);
		assertThat(byId).as("personal data never leaves unmasked").doesNotContain(id);
		assertThat(JsonPath.parse(byId).read("$.asked", String.class)).contains("*");
		String nobody = ask(this.market, "ID_NUMBER", idNumber());
		assertThat(JsonPath.parse(nobody).read("$.entries", List.class)).isEmpty();

		List<Map<String, Object>> log = this.jdbc
			.sql("select * from credit_query_log where asked_by = 'market' order by id desc limit 4")
			.query()
			.listOfRows();
		assertThat(log).extracting(l -> l.get("key_kind"))
			.containsExactly("ID_NUMBER", "ID_NUMBER", "CREDIT_CODE", "NAME");
		assertThat(log).extracting(l -> l.get("hits")).containsExactly(0, 1, 1, 1);
		assertThat(log).allSatisfy(l -> assertThat(l).containsEntry("via", "API"));
		assertThat(log.get(1).get("asked").toString()).contains("*").isNotEqualTo(id);
		assertThat(log.get(1).get("asked_idx")).isNotNull();
		assertThat(this.jdbc.sql("select count(*) from credit_query_log where asked like :id")
			.param("id", "%" + id.substring(6, 14) + "%")
			.query(Long.class)
			.single()).as("the full ID number is stored nowhere in the log").isZero();

		// the office sees the log, with the ID number masked
		String page = getAs(this.office, "/credit/log").getContentAsString();
		assertThat(page).contains("查询甲公司" + this.tag).contains("县市场监管局").doesNotContain(id);
		assertThat(getAs(this.market, "/credit/log").getStatus()).as("a department does not read the log")
			.isEqualTo(403);
	}

	@Test
	void aMalformedQuestionIsRefusedInChineseAndNotLogged() throws Exception {
		long before = count("select count(*) from credit_query_log where asked_by = 'market'");
		assertThat(refusal("ID_NUMBER", "620422198001011234")).isEqualTo("身份证号码不正确(18位，校验位须正确)");
		assertThat(refusal("CREDIT_CODE", "91620422ABC")).isEqualTo("统一社会信用代码不正确(18位，校验位须正确)");
		assertThat(refusal("NAME", "甲")).isEqualTo("请输入要查询的名称(2 到 100 字)");
		assertThat(refusal(null, "某公司")).isEqualTo("请选择查询方式(名称、统一社会信用代码或身份证号码)");
		assertThat(count("select count(*) from credit_query_log where asked_by = 'market'")).isEqualTo(before);
		// on the page the same message, beside the form
		String page = postForm(this.market, "/credit/query", Map.of("key", "ID_NUMBER", "value", "123"))
			.getContentAsString();
		assertThat(page).contains("id=\"query-error\"").contains("身份证号码不正确");
	}

	@Test
	void theQueryPageAnswersAndLogsAsThePage() throws Exception {
		String code = creditCode();
		long firm = enterprise("页面查询公司" + this.tag, code);
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusDays(5), "会金罚〔2026〕页" + this.tag, List.of(firm));
		entries(firm);
		String page = postForm(this.market, "/credit/query", Map.of("key", "CREDIT_CODE", "value", code))
			.getContentAsString();
		assertThat(page).contains("在失信名单中").contains("页面查询公司" + this.tag);
		assertThat(this.jdbc.sql("select via from credit_query_log where asked = :c order by id desc limit 1")
			.param("c", code)
			.query(String.class)
			.single()).isEqualTo("PAGE");
	}

	@Test
	void anotherSystemAsksWithItsTokenAndIsLoggedAsTheApi() throws Exception {
		String code = creditCode();
		long firm = enterprise("令牌查询公司" + this.tag, code);
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusDays(5), "会金罚〔2026〕令" + this.tag, List.of(firm));
		entries(firm);
		String token = this.accounts.apiToken(this.mvc, "市场监管审批系统" + this.tag, "market");
		MockHttpServletResponse r = this.mvc
			.perform(post("/api/v1/credit/query").contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"CREDIT_CODE\",\"value\":\"" + code + "\"}")
				.header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.parse(r.getContentAsString()).read("$.entries[0].subjectName", String.class))
			.isEqualTo("令牌查询公司" + this.tag);
		assertThat(this.jdbc.sql("select via || ':' || asked_by from credit_query_log where asked = :c")
			.param("c", code)
			.query(String.class)
			.single()).isEqualTo("API:market");
		MockHttpServletResponse noToken = this.mvc
			.perform(post("/api/v1/credit/query").contentType(MediaType.APPLICATION_JSON)
				.content("{\"key\":\"CREDIT_CODE\",\"value\":\"" + code + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(noToken.getStatus()).isEqualTo(401);
	}

	@Test
	void aTownshipSeesOnlyTheEntriesOfItsOwnRegion() throws Exception {
		String code = creditCode();
		long firm = enterprise("辖区公司" + this.tag, code);
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusDays(5), "会金罚〔2026〕辖" + this.tag, List.of(firm));
		long entry = (Long) entries(firm).get(0).get("id");
		assertThat(getAs(this.huishi, "/api/v1/credit/entries/" + entry).getStatus()).isEqualTo(200);
		assertThat(getAs(this.hepan, "/api/v1/credit/entries/" + entry).getStatus()).isEqualTo(404);
		assertThat(getAs(this.hepan, "/credit/" + entry).getStatus()).isEqualTo(404);
		assertThat(JsonPath.parse(ask(this.hepan, "CREDIT_CODE", code)).read("$.entries", List.class)).isEmpty();
		assertThat(getAs(this.hepan, "/credit?text=" + code).getContentAsString()).doesNotContain("辖区公司" + this.tag);
		assertThat(getAs(this.huishi, "/credit?text=" + code).getContentAsString()).contains("辖区公司" + this.tag);
		assertThat(getAs(this.office, "/credit?regionCode=12").getContentAsString()).contains("区划代码应为12位数字");
	}

	@Test
	void theListExportsAndTheSubjectPageShowsItsEntries() throws Exception {
		long firm = enterprise("导出公司" + this.tag, creditCode());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusDays(5), "会金罚〔2026〕导" + this.tag, List.of(firm));
		long entry = (Long) entries(firm).get(0).get("id");
		List<List<String>> rows = org.fangfei.app.Exported.rows(this.mvc, this.office,
				get("/credit/export").param("text", "导出公司" + this.tag));
		assertThat(rows.get(0)).startsWith("名称或姓名", "主体类型", "统一社会信用代码");
		assertThat(org.fangfei.app.Exported.rowWith(rows, 0, "导出公司" + this.tag)).contains("行政处罚", "在列", "企业");
		assertThat(count("select count(*) from audit_log where action = 'EXPORT' and target_type = 'credit_entry'"))
			.isPositive();
		assertThat(getAs(this.market, "/credit/export").getStatus()).as("departments query, they do not export")
			.isEqualTo(403);
		assertThat(getAs(this.office, "/subjects/" + firm).getContentAsString()).contains("失信名单")
			.contains("/credit/" + entry);
		assertThat(getAs(this.office, "/credit/" + entry).getContentAsString()).contains("会金罚〔2026〕导" + this.tag);
	}

	private String ask(UserDetails who, String key, String value) throws Exception {
		MockHttpServletResponse r = postJson(who, "/api/v1/credit/query", Map.of("key", key, "value", value));
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
		return r.getContentAsString();
	}

	private String refusal(String key, String value) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("key", key);
		body.put("value", value);
		MockHttpServletResponse r = postJson(this.market, "/api/v1/credit/query", body);
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
		return detail(r);
	}

}
