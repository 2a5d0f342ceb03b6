package org.fangfei.app;

import java.util.LinkedHashMap;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

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
 * Clues registered and moved through the clue module's API (POST /api/v1/clues), as the
 * office does, for the tests of the modules that read clues (case, credit, ledger,
 * evaluation, backup): one way to write the form, to register it and to make a move.
 */
public final class TestClues {

	private TestClues() {
	}

	/**
	 * A hotline (12345) clue's form: a company taking money from 12 villagers, 20,000
	 * yuan, in {@code region}. A test puts what it needs over it.
	 */
	public static Map<String, Object> hotline(String title, String region) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("source", "HOTLINE");
		form.put("sourceDetail", "12345");
		form.put("title", title);
		form.put("description", "某公司以高息为诱饵向村民吸收资金");
		form.put("regionCode", region);
		form.put("amount", "20000");
		form.put("peopleCount", 12);
		return form;
	}

	/** Registers the clue as {@code who} (201 expected); returns its id. */
	public static long register(MockMvc mvc, JsonMapper json, UserDetails who, Map<String, Object> form)
			throws Exception {
		MockHttpServletResponse r = postJson(mvc, json, who, "/api/v1/clues", form);
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

	/** Makes a move on the clue at its current version as {@code who} (200 expected). */
	public static void move(MockMvc mvc, JsonMapper json, JdbcClient jdbc, UserDetails who, long clueId, String action,
			Map<String, Object> fields) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("version",
				jdbc.sql("select version from clue where id = :id").param("id", clueId).query(Integer.class).single());
		MockHttpServletResponse r = postJson(mvc, json, who, "/api/v1/clues/" + clueId + "/moves/" + action, body);
		assertThat(r.getStatus()).as(action + ": " + r.getContentAsString()).isEqualTo(200);
	}

	static MockHttpServletResponse postJson(MockMvc mvc, JsonMapper json, UserDetails who, String path, Object body)
			throws Exception {
		return mvc
			.perform(post(path).with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

}
