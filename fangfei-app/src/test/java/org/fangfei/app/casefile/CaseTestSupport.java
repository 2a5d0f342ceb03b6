package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.TestClues;
import org.fangfei.app.shared.PersonalData;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the case integration tests share: the demo accounts, a tag that keeps each test's
 * titles unique in the shared database, a clue taken to its determination through the
 * clue API, cases registered and moved through the case API, and look-ups of what was
 * written.
 */
abstract class CaseTestSupport extends CountyTestSupport {

	UserDetails chief;

	UserDetails leader;

	UserDetails huishi;

	UserDetails hepan;

	UserDetails market;

	@BeforeEach
	void setUpAccountsAndTag() {
		this.chief = this.accounts.ready("chief");
		this.leader = this.accounts.ready("leader");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
		this.market = this.accounts.ready("market");
	}

	// ---- a clue to its determination, through the clue module's API

	long determinedClue(String determination, String amount) throws Exception {
		return determinedClue(determination, amount, List.of());
	}

	/** A clue about these subjects of the ledger, determined as {@code determination}. */
	long determinedClue(String determination, String amount, List<Long> subjectIds) throws Exception {
		Map<String, Object> form = TestClues.hotline("某公司高息揽储 " + this.tag, HUISHI_VILLAGE);
		form.put("amount", amount);
		form.put("subjectIds", subjectIds);
		return determinedClue(form, determination, "经研判，依据核查报告认定 " + determination);
	}

	/** An enterprise of the ledger in a 会师镇 village, with a valid 统一社会信用代码. */
	long enterprise(String name) throws Exception {
		String first17 = "91620422" + String.format("%09d", Math.abs(name.hashCode()) % 1_000_000_000);
		Map<String, Object> form = Map.of("kind", "ENTERPRISE", "name", name, "creditCode",
				first17 + org.fangfei.app.shared.CreditCode.checkCharacter(first17), "regionCode", HUISHI_VILLAGE,
				"status", "WATCHING");
		MockHttpServletResponse r = postJson(this.office, "/api/v1/subjects", form);
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

	// ---- cases

	/** A case form for a direct registration led by a 会师镇 village. */
	Map<String, Object> caseForm(String path, String stage) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "某投资公司非法吸收公众存款案 " + this.tag);
		form.put("origin", "ASSIGNED");
		form.put("path", path);
		form.put("stage", stage);
		form.put("stageOn", LocalDate.now().minusDays(10).toString());
		form.put("docNumber", "会公(经)立字〔2026〕" + this.tag + "号");
		form.put("unit", "会宁县公安局");
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("amountRaised", "3000000");
		form.put("participantsCount", 200);
		form.put("directLoss", "1200000");
		return form;
	}

	long register(UserDetails who, Map<String, Object> form) throws Exception {
		MockHttpServletResponse response = postJson(who, "/api/v1/cases", form);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(response.getContentAsString()).read("$.id", Long.class);
	}

	MockHttpServletResponse stage(UserDetails who, long id, String stage, LocalDate on) throws Exception {
		Map<String, Object> move = new LinkedHashMap<>();
		move.put("version", version(id));
		move.put("stage", stage);
		move.put("on", on.toString());
		move.put("docNumber", "文书〔2026〕" + stage);
		move.put("unit", "会宁县公安局");
		return postJson(who, "/api/v1/cases/" + id + "/stages", move);
	}

	void stageOk(long id, String stage) throws Exception {
		MockHttpServletResponse response = stage(this.office, id, stage, LocalDate.now());
		assertThat(response.getStatus()).as(stage + ": " + response.getContentAsString()).isEqualTo(200);
	}

	/**
	 * Stability risk assessments of these sensitive steps (TRIAL, REFUND_START, …), which
	 * 审判 and 清退 wait for (004 task 24; the petition module's API).
	 */
	void assessed(long id, String... steps) throws Exception {
		for (String step : steps) {
			Map<String, Object> form = new LinkedHashMap<>();
			form.put("caseId", id);
			form.put("step", step);
			form.put("riskLevel", "MEDIUM");
			form.put("assessedOn", LocalDate.now().toString());
			form.put("assessedBy", "县处非办");
			form.put("risks", "参与人可能聚集");
			form.put("plan", "逐户解释，设立咨询点");
			MockHttpServletResponse response = postJson(this.office, "/api/v1/stability/assessments", form);
			assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		}
	}

	/** A refusal with {@code status}, a Chinese message, and nothing written. */
	String refused(int status, MockHttpServletResponse response, long caseId, Snapshot before) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		assertThat(snapshot(caseId)).as("nothing written by a refused change").isEqualTo(before);
		if (status == 400 || status == 409) {
			String detail = JsonPath.parse(response.getContentAsString()).read("$.detail", String.class);
			assertThat(detail).containsPattern("\\p{IsHan}");
			return detail;
		}
		return "";
	}

	record Snapshot(int version, String stage, long stages, long events, long audits, long participants, long batches,
			long assets) {
	}

	Snapshot snapshot(long id) {
		return new Snapshot(version(id), row(id).get("stage").toString(),
				count("select count(*) from case_stage where case_id = ?", id),
				count("select count(*) from case_event where case_id = ?", id),
				count("select count(*) from audit_log where target_type = 'case' and target_id = ?", Long.toString(id)),
				count("select count(*) from case_participant where case_id = ?", id),
				count("select count(*) from case_refund_batch where case_id = ?", id),
				count("select count(*) from case_asset where case_id = ?", id));
	}

	int version(long id) {
		return this.jdbc.sql("select version from case_file where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	Map<String, Object> row(long id) {
		return this.jdbc.sql("select * from case_file where id = :id").param("id", id).query().singleRow();
	}

	/** A valid 公民身份号码 for a serial number. */
	static String idNumber(int serial) {
		String first17 = "62042219800101" + String.format("%03d", serial % 1000);
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	List<String> timeline(long id) {
		return this.jdbc.sql("select kind from case_event where case_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list();
	}

	// ---- HTTP

	MockHttpServletResponse postForm(UserDetails who, String path, Map<String, String> params) throws Exception {
		var request = post(path).with(user(who)).with(csrf());
		for (Map.Entry<String, String> p : params.entrySet()) {
			request = request.param(p.getKey(), p.getValue());
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
