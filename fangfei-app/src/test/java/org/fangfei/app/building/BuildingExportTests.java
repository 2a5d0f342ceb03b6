package org.fangfei.app.building;

import java.util.List;

import org.fangfei.app.Exported;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The building ledger's Excel export: the list's filters and the caller's scope, Chinese
 * headers and labels, an audit row.
 */
@IntegrationTest
class BuildingExportTests extends BuildingTestSupport {

	@Test
	void theExportKeepsFiltersAndScopeInChinese() throws Exception {
		String huishiName = "导出会师大厦" + this.tag;
		String hepanName = "导出河畔大厦" + this.tag;
		building(this.huishi, huishiName, "620422100001");
		building(this.accounts.ready("hepan"), hepanName, "620422102000");

		List<List<String>> county = Exported.rows(this.mvc, this.accounts.ready("office"),
				get("/buildings/export").param("text", this.tag));
		assertThat(county.get(0)).isEqualTo(BuildingExportPages.HEADER);
		assertThat(county).hasSize(3);
		List<String> row = Exported.rowWith(county, 0, huishiName);
		assertThat(row.get(BuildingExportPages.HEADER.indexOf("类型"))).isEqualTo(BuildingKind.OFFICE.label());
		assertThat(row.get(BuildingExportPages.HEADER.indexOf("最近扫楼"))).isEqualTo("从未");
		assertThat(county.toString()).doesNotContain("OFFICE");

		List<List<String>> township = Exported.rows(this.mvc, this.huishi,
				get("/buildings/export").param("text", this.tag));
		assertThat(township).hasSize(2);
		assertThat(township.get(1).get(0)).isEqualTo(huishiName);
		assertThat(count("select count(*) from audit_log where action = 'EXPORT' and actor = 'huishi'"
				+ " and target_type = 'building' and summary = '导出楼宇台账 1 行'"))
			.isPositive();
	}

}
