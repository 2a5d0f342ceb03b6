package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.TestClues;
import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.PersonalData;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the credit list's integration tests share: the demo accounts, a tag that keeps
 * names unique in the shared database, subjects registered through the subject API with
 * fresh credit codes and ID numbers, cases and clues taken to their decisions through
 * their own APIs, and look-ups of what was written.
 */
abstract class CreditTestSupport extends CountyTestSupport {

	UserDetails chief;

	UserDetails huishi;

	UserDetails hepan;

	UserDetails market;

	@BeforeEach
	void setUpAccountsAndTag() {
		this.chief = this.accounts.ready("chief");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
		this.market = this.accounts.ready("market");
	}

	// ---- subjects

	/** A fresh valid 统一社会信用代码. */
	static String creditCode() {
		StringBuilder b = new StringBuilder("91620422");
		for (int i = 0; i < 9; i++) {
			b.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
		}
		return b.toString() + CreditCode.checkCharacter(b.toString());
	}

	/** A fresh valid 公民身份号码. */
	static String idNumber() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		LocalDate born = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(18_000));
		String first17 = "620422" + born.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	long enterprise(String name, String creditCode) throws Exception {
		return subject(Map.of("kind", "ENTERPRISE", "name", name, "creditCode", creditCode, "regionCode",
				HUISHI_VILLAGE, "status", "WATCHING"));
	}

	long person(String name, String idNumber) throws Exception {
		return subject(Map.of("kind", "INDIVIDUAL", "name", name, "idNumber", idNumber, "regionCode", HUISHI_VILLAGE,
				"status", "WATCHING"));
	}

	private long subject(Map<String, Object> form) throws Exception {
		MockHttpServletResponse r = postJson(this.office, "/api/v1/subjects", form);
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

	// ---- cases

	/**
	 * A case registered directly at {@code stage} on {@code on}, about these subjects.
	 */
	long caseAt(String path, String stage, LocalDate on, String doc, List<Long> subjects) throws Exception {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "某公司非法吸收公众存款案 " + this.tag);
		form.put("origin", "LEGACY");
		form.put("path", path);
		form.put("stage", stage);
		form.put("stageOn", on.toString());
		form.put("docNumber", doc);
		form.put("unit", "会宁县地方金融监督管理局");
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("amountRaised", "3000000");
		form.put("participantsCount", 200);
		form.put("subjectIds", subjects);
		if (path.equals("CRIMINAL") && !stage.equals("FILED")) {
			form.put("criminalFiledOn", on.minusMonths(6).toString());
		}
		MockHttpServletResponse r = postJson(this.office, "/api/v1/cases", form);
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

	void stage(long caseId, String stage, String doc) throws Exception {
		if (stage.equals("TRIAL") || stage.equals("REFUND")) {
			// 审判 and 清退 wait for a stability risk assessment (the petition module's API)
			Map<String, Object> assessment = new LinkedHashMap<>();
			assessment.put("caseId", caseId);
			assessment.put("step", stage.equals("TRIAL") ? "TRIAL" : "REFUND_START");
			assessment.put("riskLevel", "LOW");
			assessment.put("assessedOn", LocalDate.now().toString());
			assessment.put("assessedBy", "县处非办");
			assessment.put("risks", "参与人可能到场旁听");
			assessment.put("plan", "安排接待，做好解释");
			MockHttpServletResponse a = postJson(this.office, "/api/v1/stability/assessments", assessment);
			assertThat(a.getStatus()).as(a.getContentAsString()).isEqualTo(201);
		}
		Map<String, Object> move = new LinkedHashMap<>();
		move.put("version",
				this.jdbc.sql("select version from case_file where id = :id")
					.param("id", caseId)
					.query(Integer.class)
					.single());
		move.put("stage", stage);
		move.put("on", LocalDate.now().toString());
		move.put("docNumber", doc);
		move.put("unit", "会宁县人民法院");
		MockHttpServletResponse r = postJson(this.office, "/api/v1/cases/" + caseId + "/stages", move);
		assertThat(r.getStatus()).as(stage + ": " + r.getContentAsString()).isEqualTo(200);
	}

	// ---- clues

	/** A clue about {@code subject}, determined as suspected illegal fundraising. */
	long determinedClue(long subject) throws Exception {
		Map<String, Object> form = TestClues.hotline("某公司高息揽储 " + this.tag, HUISHI_VILLAGE);
		form.put("amount", "2000000");
		form.put("subjectIds", List.of(subject));
		return determinedClue(form, "SUSPECTED_ILLEGAL", "经研判，认定涉嫌非法集资");
	}

	void measure(long clueId, String kind, String doc, String amount) throws Exception {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", kind);
		fields.put("takenOn", LocalDate.now().minusDays(1).toString());
		fields.put("docNumber", doc);
		if (amount != null) {
			fields.put("amount", amount);
		}
		fields.put("result", "已执行");
		clueMove(this.huishi, clueId, "MEASURE", fields);
	}

	// ---- the list

	List<Map<String, Object>> entries(long subject) {
		EventsDelivered.await(this.jdbc);
		return this.jdbc.sql("select * from credit_entry where subject_id = :s order by id")
			.param("s", subject)
			.query()
			.listOfRows();
	}

	// ---- HTTP

	MockHttpServletResponse postForm(UserDetails who, String path, Map<String, String> params) throws Exception {
		var request = post(path).with(user(who)).with(csrf());
		for (Map.Entry<String, String> p : params.entrySet()) {
			request = request.param(p.getKey(), p.getValue());
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	static String detail(MockHttpServletResponse r) throws Exception {
		return JsonPath.parse(r.getContentAsString()).read("$.detail", String.class);
	}

}
