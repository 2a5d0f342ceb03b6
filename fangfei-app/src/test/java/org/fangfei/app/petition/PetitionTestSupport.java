package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.shared.PersonalData;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the petition integration tests share: the demo accounts, a tag that keeps each
 * test's texts unique in the shared database, petitions and cases made through the API,
 * and look-ups of what was written.
 */
abstract class PetitionTestSupport extends CountyTestSupport {

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

	/** A petition of one petitioner from a 会师镇 village, received today. */
	Map<String, Object> petitionForm() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("channel", "VISIT");
		form.put("receivedOn", LocalDate.now().toString());
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("levelReached", "COUNTY");
		form.put("petitionersCount", 1);
		form.put("request", "要求返还投资本金 " + this.tag);
		form.put("petitioners", List.of(Map.of("name", "王" + this.tag, "idNumber", idNumber(501), "phone",
				"139" + String.format("%08d", Math.abs(this.tag.hashCode()) % 100_000_000))));
		return form;
	}

	long register(UserDetails who, Map<String, Object> form) throws Exception {
		MockHttpServletResponse response = postJson(who, "/api/v1/petitions", form);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(response.getContentAsString()).read("$.id", Long.class);
	}

	MockHttpServletResponse move(UserDetails who, long id, String move, Map<String, Object> fields) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.putIfAbsent("version", version(id));
		return postJson(who, "/api/v1/petitions/" + id + "/moves/" + move, body);
	}

	void moveOk(long id, String move, Map<String, Object> fields) throws Exception {
		MockHttpServletResponse response = move(this.office, id, move, fields);
		assertThat(response.getStatus()).as(move + ": " + response.getContentAsString()).isEqualTo(200);
	}

	/** A criminal case led by a 会师镇 village, registered at {@code stage}. */
	long registerCase(String stage) throws Exception {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "某投资公司非法吸收公众存款案 " + this.tag);
		form.put("origin", "ASSIGNED");
		form.put("path", "CRIMINAL");
		form.put("stage", stage);
		form.put("stageOn", LocalDate.now().minusDays(10).toString());
		form.put("criminalFiledOn", LocalDate.now().minusDays(100).toString());
		form.put("docNumber", "会公(经)立字〔2026〕" + this.tag + "号");
		form.put("unit", "会宁县公安局");
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("amountRaised", "3000000");
		form.put("participantsCount", 200);
		form.put("directLoss", "1200000");
		MockHttpServletResponse response = postJson(this.office, "/api/v1/cases", form);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(response.getContentAsString()).read("$.id", Long.class);
	}

	Map<String, Object> assessmentForm(long caseId, String step) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("caseId", caseId);
		form.put("step", step);
		form.put("riskLevel", "HIGH");
		form.put("assessedOn", LocalDate.now().toString());
		form.put("assessedBy", "县处非办会同县公安局");
		form.put("risks", "参与人多，可能聚集 " + this.tag);
		form.put("plan", "逐户解释，设立咨询点，现场秩序维护");
		return form;
	}

	int version(long id) {
		return this.jdbc.sql("select version from petition where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	int caseVersion(long id) {
		return this.jdbc.sql("select version from case_file where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	Map<String, Object> row(long id) {
		return this.jdbc.sql("select * from petition where id = :id").param("id", id).query().singleRow();
	}

	static String idNumber(int serial) {
		String first17 = "62042219700101" + String.format("%03d", serial % 1000);
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	String detail(MockHttpServletResponse response) throws Exception {
		String detail = JsonPath.parse(response.getContentAsString()).read("$.detail", String.class);
		assertThat(detail).containsPattern("\\p{IsHan}");
		return detail;
	}

	MockHttpServletResponse postForm(UserDetails who, String path, Map<String, String> params) throws Exception {
		var request = post(path).with(user(who)).with(csrf());
		for (Map.Entry<String, String> p : params.entrySet()) {
			request = request.param(p.getKey(), p.getValue());
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	/** A form post whose flash attributes (done, actionError) the test reads. */
	org.springframework.test.web.servlet.MvcResult submit(UserDetails who, String path, Map<String, String> params)
			throws Exception {
		var request = post(path).with(user(who)).with(csrf());
		for (Map.Entry<String, String> p : params.entrySet()) {
			request = request.param(p.getKey(), p.getValue());
		}
		return this.mvc.perform(request).andReturn();
	}

}
