package org.fangfei.app.patrol;

import java.util.List;

import org.fangfei.app.Exported;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Patrols by the people who made them: the list, the filter and the export show and find
 * grid workers by their real name, never by login name; the export keeps the list's
 * filters and the caller's scope.
 */
@IntegrationTest
class PatrolExportTests {

	/** The demo grid worker's name (login name {@code grid}). */
	static final String GRID_NAME = "东山根社区 网格员 刘芳";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Subjects subjects;

	UserDetails grid;

	UserDetails hepan;

	UserDetails office;

	@BeforeEach
	void signIn() {
		this.grid = this.accounts.ready("grid");
		this.hepan = this.accounts.ready("hepan");
		this.office = this.accounts.ready("office");
	}

	@Test
	void workersAreShownAndFoundByNameAndTheExportKeepsFiltersAndScope() throws Exception {
		long gridSubject = PatrolFixtures.subject(this.subjects, PatrolFixtures.GRID_VILLAGE);
		long hepanSubject = PatrolFixtures.subject(this.subjects, PatrolFixtures.hepanVillage(this.jdbc));
		record(this.grid, gridSubject);
		record(this.hepan, hepanSubject);
		String gridTarget = name(gridSubject);
		String hepanTarget = name(hepanSubject);

		String page = this.mvc.perform(get("/patrols").param("worker", "刘芳").with(user(this.office)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(gridTarget).doesNotContain(hepanTarget).contains(">" + GRID_NAME + "<");
		assertThat(page).doesNotContain(">grid<").doesNotContain("网格员用户名");

		List<List<String>> byName = Exported.rows(this.mvc, this.office, get("/patrols/export").param("worker", "刘芳"));
		List<String> header = PatrolExportPages.header();
		assertThat(byName.get(0)).isEqualTo(header);
		List<String> row = Exported.rowWith(byName, header.indexOf("走访对象"), gridTarget);
		assertThat(row.get(header.indexOf("网格员"))).isEqualTo(GRID_NAME);
		assertThat(row.get(header.indexOf("主体资格是否合法"))).isEqualTo("是");
		assertThat(row.get(header.indexOf("集资活动是否获得批准"))).isEqualTo("不涉及");
		assertThat(byName.stream().map(r -> r.get(header.indexOf("走访对象")))).doesNotContain(hepanTarget);
		assertThat(byName.toString()).doesNotContain("YES", "NONE");

		List<List<String>> huishi = Exported.rows(this.mvc, this.accounts.ready("huishi"), get("/patrols/export"));
		assertThat(huishi.stream().map(r -> r.get(header.indexOf("走访对象")))).contains(gridTarget)
			.doesNotContain(hepanTarget);
		assertThat(this.jdbc
			.sql("select summary from audit_log where action = 'EXPORT' and actor = 'huishi' and target_type = 'patrol'"
					+ " order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("导出走访巡查记录 " + (huishi.size() - 1) + " 行");
	}

	@Test
	void thePatrolPageNamesItsWorker() throws Exception {
		long subject = PatrolFixtures.subject(this.subjects, PatrolFixtures.GRID_VILLAGE);
		String location = record(this.grid, subject);
		assertThat(
				this.mvc.perform(get(location).with(user(this.office))).andReturn().getResponse().getContentAsString())
			.contains(">" + GRID_NAME + "</dd>");
	}

	private String record(UserDetails who, long subject) throws Exception {
		return this.mvc.perform(PatrolFixtures.patrolForm("subject:" + subject).with(user(who)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String name(long subject) {
		return this.jdbc.sql("select name from subject where id = ?").param(subject).query(String.class).single();
	}

}
