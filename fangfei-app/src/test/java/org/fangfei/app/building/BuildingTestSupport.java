package org.fangfei.app.building;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the building tests share: the township user 会师镇 (huishi) ready to sign in, a tag
 * that keeps each test's names unique in the shared database, and helpers that register a
 * building and sweep it through the real endpoints.
 */
abstract class BuildingTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	UserDetails huishi;

	String tag;

	LocalDate today;

	@BeforeEach
	void setUpAccountsAndTag() {
		this.huishi = this.accounts.ready("huishi");
		this.tag = Long.toString(System.nanoTime(), 36);
		this.today = LocalDate.now(SweepCalendar.CHINA);
	}

	long count(String sql, Object... args) {
		var spec = this.jdbc.sql(sql);
		for (Object arg : args) {
			spec = spec.param(arg);
		}
		return spec.query(Long.class).single();
	}

	/** Registers an office building through the API and returns its id. */
	long building(UserDetails who, String name, String region) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/buildings").with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"kind\":\"OFFICE\",\"address\":\"某路\",\"regionCode\":\"" + region
						+ "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$.id", Long.class);
	}

	/** The sweep form of a building as 会师镇 submits it. */
	MockHttpServletRequestBuilder sweep(long building, String sweptOn, String participants, String checked,
			String risks, String campaign) {
		return post("/buildings/{id}/sweeps", building).with(user(this.huishi))
			.with(csrf())
			.param("sweptOn", sweptOn)
			.param("participants", participants)
			.param("tenantsChecked", checked)
			.param("risksFound", risks)
			.param("findings", "一家公司宣传保本高息")
			.param("campaignId", campaign);
	}

}
