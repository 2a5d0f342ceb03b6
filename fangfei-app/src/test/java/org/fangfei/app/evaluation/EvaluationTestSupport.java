package org.fangfei.app.evaluation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the evaluation tests share: the demo accounts, actors for the services and cases
 * registered through the case ledger's API. Each test class uses years of its own, long
 * past, so the tests never see each other's records.
 */
abstract class EvaluationTestSupport {

	static final String COUNTY = "620422000000";

	static final String HUISHI = "620422100000";

	static final String HUISHI_VILLAGE = "620422100001";

	static final String HEPAN = "620422102000";

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

	UserDetails huishi;

	String tag;

	@BeforeEach
	void setUpAccounts() {
		this.office = this.accounts.ready("office");
		this.huishi = this.accounts.ready("huishi");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	static Actor township(String region, String username) {
		return new Actor(11, username, username + "镇干部", region, null, false, Set.of("TOWNSHIP"),
				Set.of("evaluation:score:view", "evaluation:community:assess"), DataScope.jurisdiction(region));
	}

	static Actor county() {
		return new Actor(
				12, "office", "县处非办干部", COUNTY, null, true, Set.of("OFFICE"), Set.of("evaluation:score:view",
						"evaluation:scheme:edit", "evaluation:score:finalise", "evaluation:community:review"),
				DataScope.jurisdiction(COUNTY));
	}

	/** A case registered directly, its first stage entered on {@code on}. */
	long caseAt(String title, LocalDate on, String region, int participants) throws Exception {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title + " " + this.tag);
		form.put("origin", "LEGACY");
		form.put("path", "ADMINISTRATIVE");
		form.put("stage", "ADMIN_INVESTIGATION");
		form.put("stageOn", on.toString());
		form.put("docNumber", "会金调〔" + on.getYear() + "〕" + this.tag + title.length());
		form.put("unit", "会宁县地方金融监督管理局");
		form.put("regionCode", region);
		form.put("amountRaised", "3000000");
		form.put("participantsCount", participants);
		form.put("subjectIds", List.of());
		MockHttpServletResponse r = this.mvc
			.perform(post("/api/v1/cases").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(form)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

}
