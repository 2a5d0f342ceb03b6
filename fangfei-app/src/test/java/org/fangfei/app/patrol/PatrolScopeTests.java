package org.fangfei.app.patrol;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.subject.Subjects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.patrol.PatrolFixtures.patrolForm;
import static org.fangfei.app.patrol.PatrolFixtures.png;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Patrols are seen only within scope: the grid worker of 东山根社区 does not see a patrol of
 * another 会师镇 village, and 河畔镇 does not see 会师镇's; coverage lists follow patrols; the
 * subject page shows the subject's patrols.
 */
@IntegrationTest
class PatrolScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Subjects subjects;

	UserDetails grid;

	UserDetails huishi;

	UserDetails hepan;

	@BeforeEach
	void setUp() {
		this.grid = this.accounts.ready("grid");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
	}

	/** A patrol by 会师镇 staff with one photo; returns its id. */
	private long patrolBy(UserDetails who, long subject) throws Exception {
		String location = this.mvc
			.perform(patrolForm("subject:" + subject).file(png("现场.png")).with(user(who)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring("/patrols/".length()));
	}

	private long photoOf(long patrol) {
		return this.jdbc.sql("select min(id) from patrol_photo where patrol_id = :id")
			.param("id", patrol)
			.query(Long.class)
			.single();
	}

	@Test
	void gridWorkerAndOtherTownshipCannotSeeAnotherGridsPatrol() throws Exception {
		long subject = PatrolFixtures.subject(this.subjects, PatrolFixtures.otherVillage(this.jdbc, 0));
		long id = patrolBy(this.huishi, subject);
		long photo = photoOf(id);

		for (UserDetails outsider : new UserDetails[] { this.grid, this.hepan }) {
			this.mvc.perform(get("/patrols/{id}", id).with(user(outsider))).andExpect(status().isNotFound());
			this.mvc.perform(get("/patrols/{id}/photos/{p}", id, photo).with(user(outsider)))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/api/v1/patrols/{id}", id).with(user(outsider)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value("走访记录不存在或不在您的管辖范围内"));
			this.mvc.perform(get("/patrols").with(user(outsider)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("href=\"/patrols/" + id + "\""))));
			this.mvc.perform(get("/api/v1/patrols").param("size", "200").with(user(outsider)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
		}
		this.mvc.perform(get("/patrols").with(user(this.huishi)))
			.andExpect(content().string(containsString("href=\"/patrols/" + id + "\"")));
		this.mvc.perform(get("/patrols/{id}/photos/{p}", id, photo).with(user(this.huishi))).andExpect(status().isOk());
	}

	@Test
	void notPatrolledGridsDropAGridOncePatrolled() throws Exception {
		String village = PatrolFixtures.otherVillage(this.jdbc, 1);
		String gridCode = this.jdbc.sql("select code from grid where region_code = :r and level = 2")
			.param("r", village)
			.query(String.class)
			.single();
		this.mvc.perform(get("/api/v1/patrols/not-patrolled-grids").param("size", "200").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code", hasItem(gridCode)))
			.andExpect(jsonPath("$.items[*].code", not(hasItem(org.hamcrest.Matchers.startsWith("620422102")))));
		this.mvc.perform(get("/patrols/unpatrolled").with(user(this.huishi)))
			.andExpect(content().string(containsString(gridCode)));

		patrolBy(this.huishi, PatrolFixtures.subject(this.subjects, village));

		this.mvc.perform(get("/api/v1/patrols/not-patrolled-grids").param("size", "200").with(user(this.huishi)))
			.andExpect(jsonPath("$.items[*].code", not(hasItem(gridCode))));
		this.mvc.perform(get("/patrols/unpatrolled").with(user(this.huishi)))
			.andExpect(content().string(not(containsString(gridCode))));
		this.mvc.perform(get("/api/v1/patrols/not-patrolled-grids").param("days", "0").with(user(this.huishi)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("天数应在1到365之间"));
	}

	@Test
	void coverageCountsPatrolsByGridAndWorkerWithinScope() throws Exception {
		long subject = PatrolFixtures.subject(this.subjects, PatrolFixtures.GRID_VILLAGE);
		patrolBy(this.grid, subject);
		this.mvc.perform(get("/patrols/coverage").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("东山根")))
			.andExpect(content().string(containsString("worker=grid")));
		this.mvc.perform(get("/patrols/coverage").with(user(this.hepan)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("worker=grid"))));
		this.mvc.perform(get("/patrols").param("worker", "grid").param("gridId", gridId()).with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/patrols/")));
	}

	private String gridId() {
		return String
			.valueOf(this.jdbc.sql("select id from grid where code = '620422100001'").query(Long.class).single());
	}

	@Test
	void subjectPageShowsItsPatrols() throws Exception {
		long subject = PatrolFixtures.subject(this.subjects, PatrolFixtures.GRID_VILLAGE);
		long id = patrolBy(this.grid, subject);
		String page = this.mvc.perform(get("/subjects/{id}", subject).with(user(this.grid)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("走访巡查 (1)", "href=\"/patrols/" + id + "\"", "grid 走访：未发现异常");
	}

}
