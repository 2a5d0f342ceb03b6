package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 004 task 24 ("三同步") across the module boundary: the case ledger refuses 审判, 清退, a
 * coercive measure and the public statement until the petition module holds an assessment
 * of that very step; assessments are checked, scoped and never changed; the case page
 * shows the petitions and assessments of the case.
 */
@IntegrationTest
class StabilityGateTests extends PetitionTestSupport {

	@Test
	void trialWaitsForItsAssessmentAndAnotherStepsAssessmentDoesNotCount() throws Exception {
		long id = registerCase("PROSECUTION");
		int version = caseVersion(id);
		long stages = count("select count(*) from case_stage where case_id = ?", id);
		long events = count("select count(*) from case_event where case_id = ?", id);
		MockHttpServletResponse refused = stage(id, "TRIAL");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(detail(refused)).isEqualTo("本案尚未就“审判”开展社会稳定风险评估。按照“三同步”要求，请先登记风险评估（风险等级和处置预案），再登记此环节");
		assertThat(caseVersion(id)).isEqualTo(version);
		assertThat(count("select count(*) from case_stage where case_id = ?", id)).isEqualTo(stages);
		assertThat(count("select count(*) from case_event where case_id = ?", id)).isEqualTo(events);

		assess(id, "REFUND_START");
		assertThat(stage(id, "TRIAL").getStatus()).as("an assessment of refunds is not one of the trial")
			.isEqualTo(400);
		assess(id, "TRIAL");
		assertThat(stage(id, "TRIAL").getStatus()).isEqualTo(200);
		assertThat(stage(id, "ENFORCEMENT").getStatus()).isEqualTo(200);
		assertThat(stage(id, "REFUND").getStatus()).as("refunds were assessed above").isEqualTo(200);
	}

	@Test
	void enteringRefundsWaitsForItsAssessment() throws Exception {
		long id = registerCase("ENFORCEMENT");
		assertThat(detail(stage(id, "REFUND"))).contains("“启动资金清退”");
		assess(id, "REFUND_START");
		assertThat(stage(id, "REFUND").getStatus()).isEqualTo(200);
		// a move out of order keeps its own message, whatever was assessed
		long other = registerCase("INVESTIGATION");
		assess(other, "TRIAL");
		assertThat(detail(stage(other, "TRIAL"))).contains("下一阶段应为“审查起诉”");
	}

	@Test
	void coerciveMeasuresAndThePublicStatementWaitForTheirAssessmentsAndGoOnTheTimeline() throws Exception {
		long id = registerCase("INVESTIGATION");
		long events = count("select count(*) from case_event where case_id = ?", id);
		MockHttpServletResponse refused = sensitive(id, "COERCIVE_MEASURE", "对主要犯罪嫌疑人刑事拘留");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(detail(refused)).contains("“采取强制措施”");
		assertThat(detail(sensitive(id, "COERCIVE_MEASURE", " "))).contains("请填写具体内容");
		assertThat(detail(sensitive(id, "TRIAL", "审判"))).contains("请选择要登记的环节");
		assertThat(count("select count(*) from case_event where case_id = ?", id)).isEqualTo(events);

		assess(id, "COERCIVE_MEASURE");
		assertThat(sensitive(id, "COERCIVE_MEASURE", "对主要犯罪嫌疑人刑事拘留").getStatus()).isEqualTo(200);
		assertThat(detail(sensitive(id, "PUBLIC_STATEMENT", "发布案情通报"))).contains("“公开宣传口径(情况通报)”");
		assess(id, "PUBLIC_STATEMENT");
		assertThat(sensitive(id, "PUBLIC_STATEMENT", "发布案情通报").getStatus()).isEqualTo(200);
		assertThat(this.jdbc.sql("select kind from case_event where case_id = :c order by id")
			.param("c", id)
			.query(String.class)
			.list()).endsWith("强制措施", "情况通报");
		assertThat(count("select count(*) from audit_log where action = 'CASE_SENSITIVE_STEP' and target_id = ?",
				Long.toString(id)))
			.isEqualTo(2);
		// the page's form answers with the same refusal
		long page = registerCase("INVESTIGATION");
		var form = submit(this.office, "/cases/" + page + "/sensitive-steps",
				Map.of("version", Integer.toString(caseVersion(page)), "step", "COERCIVE_MEASURE", "on",
						LocalDate.now().toString(), "note", "刑事拘留"));
		assertThat(form.getResponse().getStatus()).isEqualTo(302);
		assertThat(form.getFlashMap().get("actionError").toString()).contains("尚未就“采取强制措施”开展社会稳定风险评估");
	}

	@Test
	void anAssessmentIsCheckedScopedAndNeverChanged() throws Exception {
		long id = registerCase("INVESTIGATION");
		long before = count("select count(*) from stability_assessment");
		Map<String, Object> empty = new LinkedHashMap<>();
		empty.put("caseId", id);
		MockHttpServletResponse r = postJson(this.office, "/api/v1/stability/assessments", empty);
		assertThat(r.getStatus()).isEqualTo(400);
		assertThat(detail(r)).contains("请选择评估的处置环节", "请选择风险等级", "请填写评估日期", "请填写评估单位", "请填写风险点（预判的涉稳风险）", "请填写处置预案");
		Map<String, Object> future = assessmentForm(id, "TRIAL");
		future.put("assessedOn", LocalDate.now().plusDays(1).toString());
		future.put("plan", "长".repeat(2001));
		assertThat(detail(postJson(this.office, "/api/v1/stability/assessments", future))).contains("评估日期不能晚于今天",
				"处置预案不能超过2000字");
		assertThat(postJson(this.office, "/api/v1/stability/assessments", assessmentForm(999_999_999L, "TRIAL"))
			.getStatus()).isEqualTo(404);
		// another township neither sees the case nor assesses it; a township may not
		// assess at all
		assertThat(postJson(this.hepan, "/api/v1/stability/assessments", assessmentForm(id, "TRIAL")).getStatus())
			.isEqualTo(403);
		assertThat(postJson(this.leader, "/api/v1/stability/assessments", assessmentForm(id, "TRIAL")).getStatus())
			.isEqualTo(403);
		assertThat(count("select count(*) from stability_assessment")).isEqualTo(before);

		long assessment = assess(id, "TRIAL");
		assertThat(getAs(this.hepan, "/api/v1/stability/assessments?caseId=" + id).getContentAsString())
			.contains("\"total\":0");
		assertThat(getAs(this.leader, "/api/v1/stability/assessments?caseId=" + id).getContentAsString())
			.contains("\"total\":1");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("update stability_assessment set plan = 'x' where id = :id")
				.param("id", assessment)
				.update())
			.as("the application's role may not change an assessment")
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThat(this.jdbc.sql("select plan from stability_assessment where id = :id")
			.param("id", assessment)
			.query(String.class)
			.single()).isEqualTo("逐户解释，设立咨询点，现场秩序维护");
		// a closed case takes no more assessments
		assertThat(stage(id, "CLOSED").getStatus()).isEqualTo(200);
		assertThat(detail(postJson(this.office, "/api/v1/stability/assessments", assessmentForm(id, "REFUND_START"))))
			.isEqualTo("案件已结案，不能再登记风险评估");
	}

	@Test
	void theCasePageShowsItsPetitionsAndAssessmentsWithTheLinksToRegisterThem() throws Exception {
		long id = registerCase("PROSECUTION");
		Map<String, Object> form = petitionForm();
		form.put("caseId", id);
		long petition = register(this.office, form);
		assess(id, "TRIAL");
		String page = getAs(this.office, "/cases/" + id).getContentAsString();
		String code = row(petition).get("code").toString();
		assertThat(page).contains("信访件", code, "社会稳定风险评估", "审判：风险高", "/petitions/new?caseId=" + id,
				"/stability/assessments/new?caseId=" + id, "id=\"sensitive-step-form\"");
		assertThat(getAs(this.leader, "/cases/" + id).getContentAsString()).contains(code)
			.doesNotContain("/stability/assessments/new?caseId=");
		String petitionPage = getAs(this.office, "/petitions/" + petition).getContentAsString();
		assertThat(petitionPage).contains("/cases/" + id);
		// the case picker offers the case by its code
		String caseCode = this.jdbc.sql("select code from case_file where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(getAs(this.office, "/api/v1/picker/cases?q=" + caseCode).getContentAsString()).contains(caseCode);
		assertThat(getAs(this.hepan, "/api/v1/picker/cases?q=" + caseCode).getContentAsString()).isEqualTo("[]");
		assertThat(getAs(this.office, "/api/v1/picker/cases?ids=" + id).getContentAsString()).contains(caseCode);
	}

	long assess(long caseId, String step) throws Exception {
		MockHttpServletResponse r = postJson(this.office, "/api/v1/stability/assessments",
				assessmentForm(caseId, step));
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return com.jayway.jsonpath.JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

	MockHttpServletResponse stage(long id, String stage) throws Exception {
		Map<String, Object> move = new LinkedHashMap<>();
		move.put("version", caseVersion(id));
		move.put("stage", stage);
		move.put("on", LocalDate.now().toString());
		move.put("docNumber", "文书〔2026〕" + stage);
		move.put("unit", "会宁县人民法院");
		return postJson(this.office, "/api/v1/cases/" + id + "/stages", move);
	}

	MockHttpServletResponse sensitive(long id, String step, String note) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", caseVersion(id));
		body.put("step", step);
		body.put("on", LocalDate.now().toString());
		body.put("note", note);
		return postJson(this.office, "/api/v1/cases/" + id + "/sensitive-steps", body);
	}

}
