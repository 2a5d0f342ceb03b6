package org.fangfei.app.clue;

import java.util.List;
import java.util.Map;

import org.fangfei.app.Exported;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clue list's Excel export: the list's filters and the caller's visibility, Chinese
 * headers and labels, China time, an audit row; no informant.
 */
@IntegrationTest
class ClueExportTests extends ClueTestSupport {

	@Test
	void theExportHonoursScopeAndFiltersInChineseAndChinaTime() throws Exception {
		String hepanVillage = this.jdbc.sql("select min(code) from region where parent_code = :p")
			.param("p", HEPAN)
			.query(String.class)
			.single();
		long huishiClue = registered("导出会师线索");
		Map<String, Object> hepanForm = hotline("导出河畔线索");
		hepanForm.put("regionCode", hepanVillage);
		long hepanClue = register(this.office, hepanForm);

		List<List<String>> county = Exported.rows(this.mvc, this.office, get("/clues/export").param("text", "导出"));
		assertThat(county.get(0)).isEqualTo(ClueExportPages.HEADER);
		List<String> huishiRow = Exported.rowWith(county, 0, code(huishiClue));
		Exported.rowWith(county, 0, code(hepanClue));
		assertThat(huishiRow.get(ClueExportPages.HEADER.indexOf("线索来源"))).isEqualTo(ClueSource.HOTLINE.label());
		assertThat(huishiRow.get(ClueExportPages.HEADER.indexOf("状态"))).isEqualTo(ClueState.REGISTERED.label());
		assertThat(huishiRow.get(ClueExportPages.HEADER.indexOf("接收时间"))).isEqualTo(this.jdbc.sql(
				"select to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') from clue where id = ?")
			.param(huishiClue)
			.query(String.class)
			.single());
		assertThat(county.toString()).doesNotContain("HOTLINE", "REGISTERED", "张三", "13912345678");

		List<List<String>> filtered = Exported.rows(this.mvc, this.office,
				get("/clues/export").param("text", "导出").param("regionCode", HUISHI));
		assertThat(filtered.stream().map(r -> r.get(0))).contains(code(huishiClue)).doesNotContain(code(hepanClue));

		List<List<String>> township = Exported.rows(this.mvc, this.huishi, get("/clues/export").param("text", "导出"));
		assertThat(township.stream().map(r -> r.get(0))).contains(code(huishiClue)).doesNotContain(code(hepanClue));
		assertThat(this.jdbc
			.sql("select summary from audit_log where action = 'EXPORT' and actor = 'huishi' and target_type = 'clue'"
					+ " order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("导出线索台账 " + (township.size() - 1) + " 行");
	}

	@Test
	void whoMayNotExportIsRefused() throws Exception {
		this.mvc.perform(get("/clues/export").with(user(this.accounts.ready("auditadmin"))))
			.andExpect(status().isForbidden());
	}

}
