package org.fangfei.app.shared.web;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Malformed API requests get a 400 with a Chinese reason, out-of-range paging is capped,
 * and the OpenAPI description is served without the server-side data scope parameter.
 */
@IntegrationTest
class ApiErrorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void malformedRequestsAreRefusedInChinese() throws Exception {
		UserDetails office = this.accounts.ready("leader");
		UserDetails sys = this.accounts.ready("sysadmin");
		this.mvc.perform(get("/api/v1/grids/abc").with(user(office)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("参数 id 格式不正确"));
		this.mvc
			.perform(post("/api/v1/people").with(user(sys))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请求内容不是有效的 JSON，或字段类型不正确"));
		this.mvc
			.perform(post("/api/v1/people").with(user(sys))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"\",\"role\":\"GRID_WORKER\",\"regionCode\":\"6204\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.name").value("请填写姓名"))
			.andExpect(jsonPath("$.errors.regionCode").value("区划代码应为12位数字"));
	}

	/**
	 * {@code page=999999999} once made the offset overflow into a negative number and the
	 * search fail with 500; every list caps the page and its size (PageRequest).
	 */
	@Test
	void pagesFarBeyondTheEndAreEmptyAndSizesAreCapped() throws Exception {
		UserDetails leader = this.accounts.ready("leader");
		for (String list : new String[] { "/api/v1/grids", "/api/v1/subjects", "/api/v1/clues", "/api/v1/buildings",
				"/api/v1/patrols" }) {
			this.mvc.perform(get(list).param("page", "999999999").param("size", "100000").with(user(leader)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.page").value(1_000_000))
				.andExpect(jsonPath("$.size").value(200))
				.andExpect(jsonPath("$.items").isEmpty());
		}
		this.mvc.perform(get("/api/v1/grids").param("page", "-3").param("size", "0").with(user(leader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.items.length()").value(1));
	}

	@Test
	void unsafeApiCallsNeedTheCsrfToken() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		this.mvc.perform(post("/api/v1/people").with(user(sys))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"name\":\"无令牌\",\"role\":\"GRID_WORKER\",\"regionCode\":\"620422100001\",\"phone\":\"13900009999\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theOpenApiDescriptionIsServed() throws Exception {
		this.mvc.perform(get("/api/v1/openapi").with(user(this.accounts.ready("leader"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("防非 Fangfei API")))
			.andExpect(content().string(containsString("/api/v1/grids")))
			.andExpect(content().string(not(containsString("\"name\":\"scope\""))));
	}

}
