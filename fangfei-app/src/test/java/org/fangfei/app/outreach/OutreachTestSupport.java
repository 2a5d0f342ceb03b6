package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the outreach tests share: the demo accounts, a tag that keeps each test's texts
 * unique in the shared database, form posts, and closed cases made through the case API.
 */
abstract class OutreachTestSupport {

	static final String HUISHI_VILLAGE = "620422100001";

	static final String HEPAN_VILLAGE = "620422102001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JsonMapper json;

	UserDetails office;

	UserDetails leader;

	UserDetails huishi;

	UserDetails hepan;

	String tag;

	@BeforeEach
	void setUpAccountsAndTag() {
		this.office = this.accounts.ready("office");
		this.leader = this.accounts.ready("leader");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	MvcResult postForm(UserDetails who, String path, Map<String, String> params) throws Exception {
		var request = post(path).with(user(who)).with(csrf());
		for (Map.Entry<String, String> p : params.entrySet()) {
			request = request.param(p.getKey(), p.getValue());
		}
		return this.mvc.perform(request).andReturn();
	}

	Map<String, String> activity(String region) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("venue", "COMMUNITY");
		form.put("heldOn", LocalDate.now().minusDays(1).toString());
		form.put("regionCode", region);
		form.put("place", "社区服务中心 " + this.tag);
		form.put("organiser", "会师镇处非工作站");
		form.put("forms", "LECTURE");
		form.put("peopleReached", "120");
		form.put("materialsGiven", "80");
		form.put("elderly", "true");
		return form;
	}

	long count(String sql, Object... args) {
		var spec = this.jdbc.sql(sql);
		for (Object arg : args) {
			spec = spec.param(arg);
		}
		return spec.query(Long.class).single();
	}

	/** An administrative case of a 会师镇 village about {@code subject}, closed. */
	long closedCase(Long subject) throws Exception {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "某投资公司非法集资案 " + this.tag);
		form.put("origin", "ASSIGNED");
		form.put("path", "ADMINISTRATIVE");
		form.put("stage", "PENALTY");
		form.put("stageOn", LocalDate.now().minusDays(30).toString());
		form.put("docNumber", "会处非罚〔2026〕" + this.tag + "号");
		form.put("unit", "会宁县处非办");
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("amountRaised", "3000000");
		form.put("participantsCount", 60);
		form.put("subjectIds", subject == null ? List.of() : List.of(subject));
		MockHttpServletResponse created = postJson("/api/v1/cases", form);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		long id = JsonPath.parse(created.getContentAsString()).read("$.id", Long.class);
		int version = this.jdbc.sql("select version from case_file where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		Map<String, Object> move = new LinkedHashMap<>();
		move.put("version", version);
		move.put("stage", "CLOSED");
		move.put("on", LocalDate.now().minusDays(2).toString());
		move.put("docNumber", "会处非结〔2026〕" + this.tag + "号");
		move.put("unit", "会宁县处非办");
		MockHttpServletResponse closed = postJson("/api/v1/cases/" + id + "/stages", move);
		assertThat(closed.getStatus()).as(closed.getContentAsString()).isEqualTo(200);
		return id;
	}

	MockHttpServletResponse postJson(String path, Object body) throws Exception {
		return this.mvc
			.perform(post(path).with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

}
