package org.fangfei.app.organisation;

import java.util.List;

import org.fangfei.app.Exported;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people and grid lists' Excel exports: the lists' filters and the caller's scope,
 * Chinese headers and labels, phones and ID numbers masked, an audit row each.
 */
@IntegrationTest
class OrganisationExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void peopleAreExportedWithinScopeAndFilterMaskedWithChineseLabels() throws Exception {
		List<List<String>> township = Exported.rows(this.mvc, this.accounts.ready("huishi"),
				get("/people/export").param("role", "GRID_WORKER"));
		assertThat(township.get(0)).isEqualTo(OrganisationExportPages.PEOPLE_HEADER);
		assertThat(township).hasSize(
				1 + count("select count(*) from person where region_code like '620422100%' and role = 'GRID_WORKER'"));
		assertThat(township.stream().skip(1).map(r -> r.get(1))).containsOnly(PersonRole.GRID_WORKER.label());
		assertThat(township.toString()).doesNotContain("GRID_WORKER").doesNotContainPattern("\\b1[3-9]\\d{9}\\b");
		String someone = township.get(1).get(0);
		List<List<String>> named = Exported.rows(this.mvc, this.accounts.ready("office"),
				get("/people/export").param("q", someone));
		assertThat(named.stream().skip(1).map(r -> r.get(0))).isNotEmpty().allMatch(n -> n.contains(someone));
		assertThat(lastExport("huishi", "person")).isEqualTo("导出人员 " + (township.size() - 1) + " 行");
	}

	@Test
	void gridsAreExportedWithinScopeAndFilter() throws Exception {
		List<List<String>> township = Exported.rows(this.mvc, this.accounts.ready("huishi"), get("/grids/export"));
		assertThat(township.get(0)).isEqualTo(OrganisationExportPages.GRID_HEADER);
		assertThat(township).hasSize(1 + count("select count(*) from grid where region_code like '620422100%'"));
		List<List<String>> county = Exported.rows(this.mvc, this.accounts.ready("office"),
				get("/grids/export").param("level", "1"));
		assertThat(county)
			.hasSize(1 + count("select count(*) from grid where region_code like '620422%' and level = 1"));
		assertThat(county.stream().skip(1).map(r -> r.get(2))).containsOnly("一级网格");
		assertThat(lastExport("office", "grid")).isEqualTo("导出网格 " + (county.size() - 1) + " 行");
	}

	@Test
	void aGridWorkerMayNotExportPeople() throws Exception {
		this.mvc.perform(get("/people/export").with(user(this.accounts.ready("grid"))))
			.andExpect(status().isForbidden());
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private String lastExport(String actor, String target) {
		return this.jdbc
			.sql("select summary from audit_log where action = 'EXPORT' and actor = :a and target_type = :t"
					+ " order by id desc limit 1")
			.param("a", actor)
			.param("t", target)
			.query(String.class)
			.single();
	}

}
