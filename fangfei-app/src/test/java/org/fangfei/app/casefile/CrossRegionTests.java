package org.fangfei.app.casefile;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 三统两分 on a case and the cross-province register: duties held where the rule allows, a
 * unified duty by one region only, separate duties by each region; the register's own
 * fields only for a case with another province, its filters, scope and Excel export.
 */
@IntegrationTest
class CrossRegionTests extends ClaimTestSupport {

	static final String CHENGDU = "510104000000";

	long crossProvinceCase() throws Exception {
		Map<String, Object> form = caseForm("CRIMINAL", "FILED");
		form.put("criminalFiledOn", java.time.LocalDate.now().minusDays(10).toString());
		form.put("involvedRegions", List.of(HEPAN, CHENGDU));
		return register(this.office, form);
	}

	MvcResult duty(long caseId, String duty, String region, String unit) throws Exception {
		return office(this.office, "/cases/" + caseId + "/duties", "version", Integer.toString(version(caseId)), "duty",
				duty, "regionCode", region, "unit", unit);
	}

	@Test
	void aUnifiedDutyHasOneHolderAndSeparateDutiesOneARegion() throws Exception {
		long caseId = crossProvinceCase();
		Snapshot before = snapshot(caseId);
		assertThat(duty(caseId, "COMMAND", "620400000000", "白银市处非办").getFlashMap().get("actionError").toString())
			.contains("只能由主办地、涉及地或它们的共同上级承担");
		assertThat(duty(caseId, "STABILITY", "620000000000", "甘肃省").getFlashMap().get("actionError").toString())
			.contains("由各涉及地分别承担");
		assertThat(duty(caseId, "COMMAND", HUISHI_VILLAGE, "").getFlashMap().get("actionError").toString())
			.contains("请填写承担职责的单位");
		assertThat(snapshot(caseId)).isEqualTo(before);
		assertThat(count("select count(*) from case_duty where case_id = ?", caseId)).isZero();

		assertThat(duty(caseId, "COMMAND", HUISHI_VILLAGE, "会宁县公安局").getFlashMap().get("actionError")).isNull();
		// across provinces the common superior is the country: none in the code, so the
		// lead or an involved region
		assertThat(duty(caseId, "COMMAND", CHENGDU, "成都市锦江区公安分局").getFlashMap().get("actionError")).isNull();
		assertThat(duty(caseId, "INVESTIGATION", HEPAN, "会宁县公安局河畔派出所").getFlashMap().get("actionError")).isNull();
		assertThat(duty(caseId, "INVESTIGATION", CHENGDU, "成都市锦江区公安分局").getFlashMap().get("actionError")).isNull();
		List<Map<String, Object>> rows = this.jdbc
			.sql("select duty, region_code from case_duty where case_id = :c order by duty, region_code")
			.param("c", caseId)
			.query()
			.listOfRows();
		assertThat(rows).extracting(r -> r.get("duty") + "@" + r.get("region_code"))
			.containsExactly("COMMAND@" + CHENGDU, "INVESTIGATION@" + CHENGDU, "INVESTIGATION@" + HEPAN);
		assertThat(count("select count(*) from audit_log where action = 'CASE_DUTY' and target_id = ?",
				Long.toString(caseId)))
			.isEqualTo(4);
		String page = getAs(this.office, "/cases/" + caseId).getContentAsString();
		assertThat(page).contains("id=\"duty-COMMAND\"").contains("成都市锦江区公安分局").contains("未明确，默认由").contains("（属地承担）");
		// an involved township reads but does not change
		assertThat(getAs(this.hepan, "/cases/" + caseId).getContentAsString()).doesNotContain("id=\"duty-form\"");
	}

	@Test
	void theCrossProvinceRegisterKeepsItsFieldsFiltersAndExports() throws Exception {
		long cross = crossProvinceCase();
		long local = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		MvcResult notCross = office(this.office, "/cases/" + local + "/cross-province", "version",
				Integer.toString(version(local)), "role", "LEAD");
		assertThat(notCross.getFlashMap().get("actionError").toString()).contains("没有外省涉及地");
		MvcResult noLead = office(this.office, "/cases/" + cross + "/cross-province", "version",
				Integer.toString(version(cross)), "role", "ASSIST");
		assertThat(noLead.getFlashMap().get("actionError").toString()).contains("须填写牵头省份");
		MvcResult badAmount = office(this.office, "/cases/" + cross + "/cross-province", "version",
				Integer.toString(version(cross)), "role", "LEAD", "localAmount", "很多");
		assertThat(badAmount.getFlashMap().get("actionError")).isNotNull();
		assertThat(count("select count(*) from case_cross_province where case_id in (?, ?)", cross, local)).isZero();

		MvcResult ok = office(this.office, "/cases/" + cross + "/cross-province", "version",
				Integer.toString(version(cross)), "role", "LEAD", "localParticipants", "120", "localAmount", "3600000",
				"liaison", "张科长 0943-1234567", "progress", "已向四川省通报 " + this.tag);
		assertThat(ok.getFlashMap().get("actionError")).isNull();
		assertThat(this.jdbc.sql("select lead_province from case_cross_province where case_id = :c")
			.param("c", cross)
			.query(String.class)
			.single()).isEqualTo("甘肃省");

		String list = getAs(this.office, "/cases/cross-province?province=51&text=" + this.tag).getContentAsString();
		assertThat(list).contains("cross-" + cross)
			.contains("甘肃省、四川省")
			.contains("牵头办理")
			.doesNotContain("cross-" + local);
		assertThat(getAs(this.office, "/cases/cross-province?province=44&text=" + this.tag).getContentAsString())
			.doesNotContain("cross-" + cross);
		assertThat(getAs(this.office, "/cases/cross-province?role=ASSIST&text=" + this.tag).getContentAsString())
			.doesNotContain("cross-" + cross);
		// scope: a township not involved does not see it; one involved does
		assertThat(getAs(this.market, "/cases/cross-province?text=" + this.tag).getContentAsString())
			.doesNotContain("cross-" + cross);
		assertThat(getAs(this.hepan, "/cases/cross-province?text=" + this.tag).getContentAsString())
			.contains("cross-" + cross);

		MockHttpServletResponse xlsx = getAs(this.office, "/cases/cross-province/export?text=" + this.tag);
		assertThat(xlsx.getStatus()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("本省角色");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("牵头办理");
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("甘肃省、四川省");
			assertThat(sheet.getRow(1).getCell(13).getStringCellValue()).isEqualTo("3,600,000.00");
		}
		assertThat(count("select count(*) from audit_log where action = 'CASE_CROSS_PROVINCE_EXPORT'")).isPositive();
		assertThat(getAs(this.office, "/cases/" + cross).getContentAsString())
			.contains("id=\"cross-province-summary\"");
	}

}
