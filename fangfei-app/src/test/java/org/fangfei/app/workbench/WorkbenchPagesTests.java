package org.fangfei.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Which panels each first-start account's workbench shows, in which order: the daily work
 * of the role first (the grid worker's patrols, the leader's key cases), nothing a role
 * may not open, and an explanation instead of an empty page for the administrators
 * without business data.
 */
@IntegrationTest
class WorkbenchPagesTests {

	private static final Pattern PANEL = Pattern.compile("id=\"panel-([a-z-]+)\"");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestAccounts accounts;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "office|warnings inbox clues clue-states cases petitions alerts subjects patrols organisation",
					"leader|warnings cases inbox clues clue-states petitions alerts subjects patrols organisation",
					"huishi|patrols inbox warnings clues clue-states cases petitions alerts subjects organisation",
					"market|inbox warnings clues clue-states cases petitions alerts subjects patrols organisation",
					"grid|patrols inbox subjects organisation", "sysadmin|inbox organisation", "secadmin|",
					"auditadmin|" })
	void eachRoleSeesItsPanelsInOrder(String username, String panels) throws Exception {
		String page = this.mvc.perform(get("/").with(user(this.accounts.ready(username))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> shown = new ArrayList<>();
		Matcher m = PANEL.matcher(page);
		while (m.find()) {
			shown.add(m.group(1));
		}
		List<String> expected = panels == null ? List.of() : List.of(panels.split(" "));
		assertThat(shown).as("%s's panels", username).containsExactlyElementsOf(expected);
		assertThat(page.contains("id=\"workbench-empty\"")).isEqualTo(expected.isEmpty());
	}

	@Test
	void aDepartmentSeesItsSectorsPatrolsNotTheCountysGrids() throws Exception {
		String market = this.mvc.perform(get("/").with(user(this.accounts.ready("market"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(market).contains("本行业走访巡查", "近30天巡查", "近30天有发现").doesNotContain("30天未巡查网格");
		String office = this.mvc.perform(get("/").with(user(this.accounts.ready("office"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(office).contains("30天未巡查网格").doesNotContain("本行业走访巡查");
	}

}
