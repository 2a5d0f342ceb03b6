package org.fangfei.app.outreach;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 17: typical cases are written from closed cases only, refuse personal data (the
 * subjects' names, ID, phone and card numbers), appear on the public page once published,
 * and make the year's Word booklet.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class TypicalCaseTests extends OutreachTestSupport {

	Map<String, String> form(long caseId) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("caseId", "" + caseId);
		form.put("title", "某公司以养老为名非法集资案 " + this.tag);
		form.put("scheme", "某公司以预售养老床位为名，承诺年返利12%，向老年人吸收资金。");
		form.put("howFound", "网格员走访发现。");
		form.put("outcome", "责令退还集资款。");
		form.put("law", "《防范和处置非法集资条例》第二条。");
		form.put("lessons", "高收益伴随高风险。");
		form.put("published", "true");
		return form;
	}

	@Test
	void aClosedCaseBecomesAPublishedTypicalCaseWithoutPersonalData() throws Exception {
		var subject = this.jdbc
			.sql("select id, name from subject where region_code like '620422100%' order by id limit 1")
			.query()
			.singleRow();
		long caseId = closedCase((Long) subject.get("id"));
		String list = this.mvc.perform(get("/outreach/cases").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("id=\"write-" + caseId + "\"");
		String draft = this.mvc.perform(get("/outreach/cases/new").param("caseId", "" + caseId).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(draft).contains("3,000,000.00元", "涉及集资参与人60人").doesNotContain((String) subject.get("name"));

		Map<String, String> named = form(caseId);
		named.put("scheme", subject.get("name") + "以预售养老床位为名吸收资金。");
		named.put("howFound", "群众拨打13912345678举报。");
		named.put("outcome", "法定代表人身份证号620422197001010012。");
		named.put("title", "某投资公司非法集资案 " + this.tag);
		String refused = postForm(this.office, "/outreach/cases", named).getResponse().getContentAsString();
		assertThat(refused).contains("作案手法中含有涉案主体或人员的名称", "发现经过中含有手机号", "处置结果中含有身份证号", "案例标题中含有涉案主体或人员的名称");
		assertThat(count("select count(*) from typical_case where case_id = ?", caseId)).isZero();

		String redirect = postForm(this.office, "/outreach/cases", form(caseId)).getResponse().getRedirectedUrl();
		long id = Long.parseLong(redirect.replaceAll("\\D", ""));
		assertThat(postForm(this.office, "/outreach/cases", form(caseId)).getResponse().getContentAsString())
			.contains("该案件已编写典型案例");
		String publicPage = this.mvc.perform(get("/learn/cases/" + id)).andReturn().getResponse().getContentAsString();
		assertThat(publicPage).contains("某公司以养老为名非法集资案 " + this.tag, "以案释法");
		assertThat(this.mvc.perform(get("/learn/cases")).andReturn().getResponse().getContentAsString())
			.contains("某公司以养老为名非法集资案 " + this.tag);

		long year = count("select year from typical_case where id = ?", id);
		byte[] docx = this.mvc.perform(get("/outreach/cases/booklet").param("year", "" + year).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains(year + "年度防范和处置非法集资典型案例汇编", "某公司以养老为名非法集资案 " + this.tag, "四、以案释法")
				.doesNotContain((String) subject.get("name"));
		}
	}

	@Test
	void unpublishedAndOpenCasesStayOutOfThePublicAndTheLedger() throws Exception {
		long caseId = closedCase(null);
		Map<String, String> hidden = form(caseId);
		hidden.remove("published");
		String redirect = postForm(this.office, "/outreach/cases", hidden).getResponse().getRedirectedUrl();
		long id = Long.parseLong(redirect.replaceAll("\\D", ""));
		assertThat(this.mvc.perform(get("/learn/cases/" + id)).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/outreach/cases/" + id).with(user(this.hepan)))
			.andReturn()
			.getResponse()
			.getStatus()).as("a 会师镇 case is not 河畔镇's").isEqualTo(404);
		long open = count("select min(id) from case_file where stage <> 'CLOSED'");
		assertThat(postForm(this.office, "/outreach/cases", form(open)).getResponse().getContentAsString())
			.contains("请选择已结案且在您管辖范围内的案件");
		assertThat(postForm(this.hepan, "/outreach/cases", form(closedCase(null))).getResponse().getContentAsString())
			.contains("请选择已结案且在您管辖范围内的案件");
	}

}
