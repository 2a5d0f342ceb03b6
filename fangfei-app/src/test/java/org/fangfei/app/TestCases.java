package org.fangfei.app;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Cases registered directly (存量案件登记) through the case ledger's API, as the office does,
 * for the tests of the modules that read cases (evaluation, ledger, credit, enquiry): one
 * way to write the form and to register it.
 */
public final class TestCases {

	private TestCases() {
	}

	/**
	 * A case's form: an administrative investigation by the financial regulator, begun
	 * two months ago, of 3,000,000 yuan from 200 participants in a village of 会师镇, about
	 * no ledger subject. A test puts what it needs over it.
	 */
	public static Map<String, Object> form(String title, String docNumber) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("origin", "LEGACY");
		form.put("path", "ADMINISTRATIVE");
		form.put("stage", "ADMIN_INVESTIGATION");
		form.put("stageOn", LocalDate.now().minusMonths(2).toString());
		form.put("docNumber", docNumber);
		form.put("unit", "会宁县地方金融监督管理局");
		form.put("regionCode", "620422100001");
		form.put("amountRaised", "3000000");
		form.put("participantsCount", 200);
		form.put("subjectIds", List.of());
		return form;
	}

	/** The same form for a criminal case filed by the police two months ago. */
	public static Map<String, Object> criminal(String title, String docNumber) {
		Map<String, Object> form = form(title, docNumber);
		form.put("path", "CRIMINAL");
		form.put("stage", "FILED");
		form.put("unit", "会宁县公安局");
		return form;
	}

	/** Registers the case as {@code office} (201 expected); returns its id. */
	public static long register(MockMvc mvc, JsonMapper json, UserDetails office, Map<String, Object> form)
			throws Exception {
		MockHttpServletResponse r = mvc
			.perform(post("/api/v1/cases").with(user(office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(form)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

}
