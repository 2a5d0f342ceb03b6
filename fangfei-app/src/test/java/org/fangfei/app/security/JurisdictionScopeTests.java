package org.fangfei.app.security;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A township user (会师镇, 620422100) reads and changes its own township's records and
 * cannot read or change another township's (郭城驿镇, 620422101) — not by page URL, not by
 * API.
 */
@IntegrationTest
class JurisdictionScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	UserDetails huishi;

	long otherGrid;

	long otherPerson;

	long ownPerson;

	@BeforeEach
	void setUp() {
		this.huishi = this.accounts.ready("huishi");
		this.otherGrid = id("select id from grid where code = '620422101000'");
		this.otherPerson = id("select min(id) from person where region_code like '620422101%'");
		this.ownPerson = id("select min(id) from person where region_code like '620422100%' and role = 'GRID_WORKER'");
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String nameOf(long person) {
		return this.jdbc.sql("select name from person where id = :id").param("id", person).query(String.class).single();
	}

	@Test
	void anotherTownshipsRecordsAreNotFoundByPage() throws Exception {
		this.mvc.perform(get("/grids/{id}", this.otherGrid).with(user(this.huishi))).andExpect(status().isNotFound());
		this.mvc.perform(get("/people/{id}/edit", this.otherPerson).with(user(this.huishi)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/org/tree/620422101000").with(user(this.huishi))).andExpect(status().isNotFound());
	}

	@Test
	void anotherTownshipsRecordsAreNotFoundByApi() throws Exception {
		this.mvc.perform(get("/api/v1/grids/{id}", this.otherGrid).with(user(this.huishi)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("网格不存在或不在您的管辖范围内"));
		this.mvc.perform(get("/api/v1/people/{id}", this.otherPerson).with(user(this.huishi)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/regions/620422101000").with(user(this.huishi))).andExpect(status().isNotFound());
	}

	@Test
	void anotherTownshipsPersonCannotBeChangedByApiOrForm() throws Exception {
		String before = nameOf(this.otherPerson);
		String body = """
				{"name":"篡改","role":"GRID_WORKER","regionCode":"620422100001","phone":"13900001111"}
				""";
		this.mvc
			.perform(put("/api/v1/people/{id}", this.otherPerson).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/people/{id}", this.otherPerson).with(user(this.huishi))
				.with(csrf())
				.param("name", "篡改")
				.param("role", "GRID_WORKER")
				.param("regionCode", "620422100001"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/people/{id}/enabled", this.otherPerson).with(user(this.huishi))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(status().isNotFound());
		assertThat(nameOf(this.otherPerson)).isEqualTo(before);
		assertThat(this.jdbc.sql("select enabled from person where id = :id")
			.param("id", this.otherPerson)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void ownPersonCannotBeMovedIntoAnotherTownship() throws Exception {
		String before = nameOf(this.ownPerson);
		this.mvc
			.perform(put("/api/v1/people/{id}", this.ownPerson).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"迁出","role":"GRID_WORKER","regionCode":"620422101001"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.regionCode").value("所属区划不存在或不在您的管辖范围内"));
		assertThat(nameOf(this.ownPerson)).isEqualTo(before);
	}

	@Test
	void ownTownshipPersonCanBeChanged() throws Exception {
		this.mvc
			.perform(put("/api/v1/people/{id}", this.ownPerson).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"会师网格员","role":"GRID_WORKER","regionCode":"620422100003"}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("会师网格员"));
		assertThat(nameOf(this.ownPerson)).isEqualTo("会师网格员");
	}

	@Test
	void listsHoldOnlyTheOwnTownship() throws Exception {
		this.mvc.perform(get("/api/v1/people?size=200").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("620422100"))))
			.andExpect(jsonPath("$.total")
				.value((int) id("select count(*) from person where region_code like '620422100%'")));
		this.mvc.perform(get("/api/v1/grids?size=200").with(user(this.huishi)))
			.andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("620422100"))));
		this.mvc.perform(get("/org/tree").with(user(this.huishi)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("会师镇")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("郭城驿镇"))));
	}

	@Test
	void regionSearchFindsOnlyTheOwnTownship() throws Exception {
		this.mvc.perform(get("/org/tree").param("q", "东山根").with(user(this.huishi)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("找到 1 个区划")));
		this.mvc.perform(get("/org/tree").param("q", "郭城驿").with(user(this.huishi)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("找到 0 个区划")));
		this.mvc.perform(get("/org/tree").param("q", "%").with(user(this.huishi)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("找到 0 个区划")));
	}

	@Test
	void aTownshipUserHasNoAdministrationRights() throws Exception {
		for (String url : List.of("/users", "/roles", "/settings", "/audit", "/departments", "/grids/new")) {
			this.mvc.perform(get(url).with(user(this.huishi))).andExpect(status().isForbidden());
		}
	}

	@Test
	void aDepartmentUserSeesTheDepartmentsOfItsSectorsOnly() throws Exception {
		UserDetails market = this.accounts.ready("market");
		this.mvc.perform(get("/api/v1/departments").with(user(market)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.hasItem("县市场监督管理局")))
			.andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("县民政局"))));
	}

	@Test
	void aDisabledDepartmentsUserSeesNothing() throws Exception {
		UserDetails market = this.accounts.ready("market");
		long department = id("select department_id from app_user where username = 'market'");
		this.jdbc.sql("update department set enabled = false where id = :id").param("id", department).update();
		try {
			this.mvc.perform(get("/api/v1/departments").with(user(market)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$").isEmpty());
		}
		finally {
			this.jdbc.sql("update department set enabled = true where id = :id").param("id", department).update();
		}
	}

	@Test
	void aGridWorkerSeesOnlyTheirVillage() throws Exception {
		UserDetails grid = this.accounts.ready("grid");
		this.mvc.perform(get("/api/v1/grids?size=200").with(user(grid)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("620422100001"))));
	}

}
