package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 联合核查 through the API and pages: the office dispatches to a lead township with an
 * assisting department and an assisting township; each assisting unit sees the clue
 * (beyond its own data scope), is told, and adds its part; only the lead submits, and the
 * assisting units' notices end with the verification.
 */
@IntegrationTest
class ClueJointVerificationTests extends ClueTestSupport {

	@Test
	void assistingUnitsSeeTheClueAddTheirPartAndTheLeadSubmits() throws Exception {
		long id = registered("联合核查");
		long market = departmentOf("market");
		assertThat(getAs(this.market, "/api/v1/clues/" + id).getStatus()).as("outside its sectors").isEqualTo(404);
		assertThat(getAs(this.hepan, "/clues/" + id).getStatus()).as("another township's clue").isEqualTo(404);

		ok(this.office, id, "ACCEPT");
		ok(this.office, id, "DISPATCH", Map.of("unit", "R" + HUISHI, "assist", List.of("D" + market, "R" + HEPAN)));
		assertThat(this.jdbc.sql("select unit_key from clue_assist where clue_id = :c order by unit_key")
			.param("c", id)
			.query(String.class)
			.list()).containsExactly("D" + market, "R" + HEPAN);
		assertThat(clueRow(id)).containsEntry("handler_region_code", HUISHI);

		// each assisting unit sees it, in the list and on the page, and is told
		assertThat(listedIds(this.market, "text=" + this.tag)).containsExactly(id);
		assertThat(listedIds(this.hepan, "text=" + this.tag)).containsExactly(id);
		String page = getAs(this.market, "/clues/" + id).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("牵头单位", "协办单位");
		assertThat(notices(id)).filteredOn(n -> n.get("title").toString().startsWith("协办核查"))
			.extracting(n -> n.get("recipient_key"))
			.containsExactlyInAnyOrder("department:" + market, "unit:" + HEPAN);

		// nothing to add before the lead has taken the clue
		assertThat(refused(409, this.market, id, "ASSIST", note("市场监管局协查"))).contains("已分派待签收");
		ok(this.huishi, id, "RECEIVE");
		ok(this.market, id, "ASSIST", note("该公司经营范围不含金融业务，未取得融资许可"));
		ok(this.hepan, id, "ASSIST", note("该公司在河畔镇设有分支机构，已走访"));
		assertThat(refused(400, this.market, id, "ASSIST", note(" "))).isEqualTo("请填写协查情况");
		assertThat(forbidden(this.market, id, "VERIFY", verification())).isEqualTo(400);
		assertThat(events(id, "协查")).extracting(e -> e.get("note").toString())
			.containsExactly("县市场监督管理局协查：该公司经营范围不含金融业务，未取得融资许可", "河畔镇协查：该公司在河畔镇设有分支机构，已走访");
		assertThat(getAs(this.huishi, "/clues/" + id).getContentAsString(StandardCharsets.UTF_8)).contains("协办单位协查情况",
				"该公司经营范围不含金融业务");

		ok(this.huishi, id, "VERIFY", verification());
		assertThat(state(id)).isEqualTo("ASSESSING");
		assertThat(notices(id)).filteredOn(n -> n.get("title").toString().startsWith("协办核查"))
			.hasSize(2)
			.allSatisfy(n -> assertThat(n.get("resolved_at")).isNotNull());
		assertThat(audits(id)).contains("CLUE_ASSIST");
	}

	@Test
	void badAssistingUnitsAreRefusedAndNothingIsWritten() throws Exception {
		long id = registered("协办有误");
		ok(this.office, id, "ACCEPT");
		assertThat(refused(400, this.office, id, "DISPATCH",
				Map.of("unit", "R" + HUISHI, "assist", List.of("R" + HUISHI))))
			.isEqualTo("协办单位不能同时是牵头单位：会师镇");
		assertThat(
				refused(400, this.office, id, "DISPATCH", Map.of("unit", "R" + HUISHI, "assist", List.of("D999999"))))
			.isEqualTo("协办单位须为乡镇或成员单位");
		assertThat(count("select count(*) from clue_assist where clue_id = ?", id)).isZero();
	}

	@Test
	void aReturnedClueNoLongerShowsToItsAssistingUnits() throws Exception {
		long id = registered("协办退回");
		long market = departmentOf("market");
		ok(this.office, id, "ACCEPT");
		ok(this.office, id, "DISPATCH", Map.of("unit", "R" + HUISHI, "assist", List.of("D" + market)));
		assertThat(getAs(this.market, "/api/v1/clues/" + id).getStatus()).isEqualTo(200);
		ok(this.huishi, id, "RETURN", note("不属本镇辖区"));
		assertThat(getAs(this.market, "/api/v1/clues/" + id).getStatus()).isEqualTo(404);
		assertThat(count("select count(*) from clue_assist where clue_id = ?", id)).isZero();
		assertThat(notices(id)).filteredOn(n -> n.get("title").toString().startsWith("协办核查"))
			.singleElement()
			.satisfies(n -> assertThat(n.get("resolved_at")).isNotNull());
	}

}
