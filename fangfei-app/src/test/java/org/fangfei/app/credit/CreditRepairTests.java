package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 信用修复 end to end: the office applies with reason and document, the office head approves
 * (the entry leaves the list, its history kept) or refuses with a reason; bad
 * applications and decisions are refused in Chinese with nothing written; the public list
 * shows listed enterprises only, and only when the county turns it on.
 */
@IntegrationTest
class CreditRepairTests extends CreditTestSupport {

	@Test
	void theOfficeAppliesAndTheOfficeHeadApprovesTheEntryLeavesTheListButStays() throws Exception {
		long firm = enterprise("修复公司" + this.tag, creditCode());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusMonths(3), "会金罚〔2026〕修" + this.tag, List.of(firm));
		long entry = (Long) entries(firm).get(0).get("id");
		assertThat(getAs(this.office, "/credit/" + entry).getContentAsString()).contains("id=\"repair-form\"");

		MockHttpServletResponse applied = postJson(this.office, "/api/v1/credit/entries/" + entry + "/repairs",
				Map.of("reason", "已全额退赔并缴清罚款", "docNumber", "会金证〔2026〕" + this.tag));
		assertThat(applied.getStatus()).as(applied.getContentAsString()).isEqualTo(201);
		long repair = JsonPath.parse(applied.getContentAsString()).read("$.id", Long.class);
		// one open application per entry
		MockHttpServletResponse again = postJson(this.office, "/api/v1/credit/entries/" + entry + "/repairs",
				Map.of("reason", "再次申请", "docNumber", "会金证〔2026〕再"));
		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(detail(again)).isEqualTo("该记录已有待审批的信用修复申请");
		assertThat(getAs(this.office, "/credit/" + entry).getContentAsString()).as("one open application at a time")
			.doesNotContain("id=\"repair-form\"")
			.contains("待审批");
		// office staff do not decide
		assertThat(postJson(this.office, "/api/v1/credit/repairs/" + repair + "/decision", Map.of("approve", true))
			.getStatus()).isEqualTo(403);
		assertThat(entries(firm).get(0)).containsEntry("status", "LISTED");

		MockHttpServletResponse approved = postJson(this.chief, "/api/v1/credit/repairs/" + repair + "/decision",
				Map.of("approve", true, "note", "经核实，同意修复"));
		assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
		Map<String, Object> row = entries(firm).get(0);
		assertThat(row).containsEntry("status", "REPAIRED")
			.containsEntry("ended_on", java.sql.Date.valueOf(LocalDate.now()));
		assertThat(row.get("ended_note").toString()).contains("已全额退赔并缴清罚款");
		assertThat(count("select count(*) from audit_log where target_type = 'credit_entry' and target_id = ?"
				+ " and action in ('CREDIT_REPAIR_APPLY', 'CREDIT_REPAIR_APPROVE')", Long.toString(entry)))
			.isEqualTo(2);
		// decided once
		MockHttpServletResponse twice = postJson(this.chief, "/api/v1/credit/repairs/" + repair + "/decision",
				Map.of("approve", false, "note", "重复"));
		assertThat(twice.getStatus()).isEqualTo(409);
		// the repaired entry is history: no new application, still on the subject's page
		MockHttpServletResponse late = postJson(this.office, "/api/v1/credit/entries/" + entry + "/repairs",
				Map.of("reason", "再次申请", "docNumber", "会金证〔2026〕迟"));
		assertThat(detail(late)).isEqualTo("该记录已信用修复移出，无需修复");
		assertThat(getAs(this.office, "/subjects/" + firm).getContentAsString()).contains("信用修复移出");
	}

	@Test
	void aRefusalNeedsAReasonAndTheHeadNeverDecidesTheirOwnApplication() throws Exception {
		long firm = enterprise("驳回公司" + this.tag, creditCode());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusMonths(3), "会金罚〔2026〕驳" + this.tag, List.of(firm));
		long entry = (Long) entries(firm).get(0).get("id");
		long audits = count("select count(*) from audit_log where target_type = 'credit_entry' and target_id = ?",
				Long.toString(entry));
		MockHttpServletResponse blank = postJson(this.office, "/api/v1/credit/entries/" + entry + "/repairs",
				Map.of("reason", " ", "docNumber", ""));
		assertThat(blank.getStatus()).isEqualTo(400);
		assertThat(detail(blank)).isEqualTo("请填写修复理由；请填写证明材料的文书编号");
		assertThat(count("select count(*) from credit_repair where entry_id = ?", entry)).isZero();

		long own = JsonPath
			.parse(postJson(this.chief, "/api/v1/credit/entries/" + entry + "/repairs",
					Map.of("reason", "已退赔", "docNumber", "会金证〔2026〕本" + this.tag))
				.getContentAsString())
			.read("$.id", Long.class);
		MockHttpServletResponse self = postJson(this.chief, "/api/v1/credit/repairs/" + own + "/decision",
				Map.of("approve", true));
		assertThat(self.getStatus()).isEqualTo(400);
		assertThat(detail(self)).isEqualTo("不能审批本人提出的信用修复申请");
		this.jdbc.sql("update credit_repair set applied_by = 'office' where id = :id").param("id", own).update();
		MockHttpServletResponse noReason = postJson(this.chief, "/api/v1/credit/repairs/" + own + "/decision",
				Map.of("approve", false));
		assertThat(detail(noReason)).isEqualTo("不予修复须说明理由");
		assertThat(this.jdbc.sql("select status from credit_repair where id = :id")
			.param("id", own)
			.query(String.class)
			.single()).as("nothing half-written").isEqualTo("PENDING");

		// through the page
		MockHttpServletResponse refused = postForm(this.chief, "/credit/repairs/" + own + "/decision",
				Map.of("entryId", Long.toString(entry), "approve", "false", "note", "证明材料不全"));
		assertThat(refused.getRedirectedUrl()).isEqualTo("/credit/" + entry);
		assertThat(entries(firm).get(0)).containsEntry("status", "LISTED");
		assertThat(count("select count(*) from audit_log where target_type = 'credit_entry' and target_id = ?",
				Long.toString(entry)))
			.isEqualTo(audits + 2);
		assertThat(getAs(this.office, "/credit/" + entry).getContentAsString()).contains("不予修复").contains("证明材料不全");
	}

	@Test
	void thePublicListShowsListedEnterprisesOnlyAndOnlyWhenTurnedOn() throws Exception {
		long firm = enterprise("公示公司" + this.tag, creditCode());
		long man = person("公示个人" + this.tag, idNumber());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusMonths(1), "会金罚〔2026〕公" + this.tag,
				List.of(firm, man));
		entries(firm);
		assertThat(this.mvc.perform(get("/credit/public")).andReturn().getResponse().getStatus())
			.as("off by default: the page does not exist")
			.isEqualTo(404);
		try {
			MockHttpServletResponse bad = postForm(this.chief, "/credit/settings",
					Map.of("public-list", "true", "period.ADMIN_PENALTY", "11"));
			assertThat(bad.getContentAsString()).contains("行政处罚的默认列入期限(年)应为 1 到 10 之间的整数");
			assertThat(this.jdbc.sql("select value from credit_setting where key = 'public-list'")
				.query(String.class)
				.single()).as("nothing half-written").isEqualTo("false");
			assertThat(postForm(this.office, "/credit/settings", Map.of("public-list", "true")).getStatus())
				.as("the office head decides")
				.isEqualTo(403);
			assertThat(postForm(this.chief, "/credit/settings", Map.of("public-list", "true")).getRedirectedUrl())
				.isEqualTo("/credit/settings");
			String page = this.mvc.perform(get("/credit/public").param("name", "公示"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("公示公司" + this.tag).doesNotContain("公示个人" + this.tag);
			assertThat(count("select count(*) from audit_log where action = 'CREDIT_SETTING'")).isPositive();
		}
		finally {
			this.jdbc.sql("update credit_setting set value = 'false' where key = 'public-list'").update();
		}
		assertThat(this.mvc.perform(get("/credit/public")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

}
