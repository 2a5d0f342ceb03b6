package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.EventsDelivered;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.casefile.CaseEvent;
import org.fangfei.app.casefile.CasePath;
import org.fangfei.app.casefile.CaseStage;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How subjects get on the list and leave it by time: a case's 处罚/取缔 and 执行 (not 审判), a
 * clue's 行政处罚 (not its other measures), one entry per subject per basis however often the
 * event arrives, and the expiry job.
 */
@IntegrationTest
class CreditListingTests extends CreditTestSupport {

	@Autowired
	CreditListing listing;

	@Autowired
	CreditExpiry expiry;

	@Test
	void anAdministrativePenaltyOnACaseListsItsSubjectsForTheDefaultPeriod() throws Exception {
		long a = enterprise("处罚甲公司" + this.tag, creditCode());
		long b = person("处罚乙" + this.tag, idNumber());
		long c = caseAt("ADMINISTRATIVE", "ADMIN_INVESTIGATION", LocalDate.now().minusDays(20), "会金调〔2026〕" + this.tag,
				List.of(a, b));
		stage(c, "ADMIN_DETERMINATION", "会金认〔2026〕" + this.tag);
		assertThat(entries(a)).as("a determination lists nobody").isEmpty();
		stage(c, "PENALTY", "会金罚〔2026〕" + this.tag);

		List<Map<String, Object>> listed = entries(a);
		assertThat(listed).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("basis_kind", "ADMIN_PENALTY")
				.containsEntry("source", "CASE")
				.containsEntry("source_id", c)
				.containsEntry("basis_doc", "会金罚〔2026〕" + this.tag)
				.containsEntry("basis_unit", "会宁县人民法院")
				.containsEntry("status", "LISTED")
				.containsEntry("period_years", 3)
				.containsEntry("expires_on", java.sql.Date.valueOf(LocalDate.now().plusYears(3)))
				.containsEntry("region_code", HUISHI_VILLAGE));
		Map<String, Object> person = entries(b).get(0);
		assertThat(person.get("id_number_masked").toString()).contains("*");
		assertThat(person.get("id_number_idx")).as("exact look-ups by the blind index").isNotNull();
		assertThat(count("select count(*) from audit_log where action = 'CREDIT_LIST' and target_id = ?",
				listed.get(0).get("id").toString()))
			.isEqualTo(1);
	}

	@Test
	void aCriminalJudgmentListsOnceInForceAtExecutionNotAtTrial() throws Exception {
		long a = enterprise("判决甲公司" + this.tag, creditCode());
		long c = caseAt("CRIMINAL", "PROSECUTION", LocalDate.now().minusDays(30), "会检诉〔2026〕" + this.tag, List.of(a));
		stage(c, "TRIAL", "(2026)甘0422刑初" + this.tag + "号");
		assertThat(entries(a)).as("a first-instance judgment may be appealed").isEmpty();
		stage(c, "ENFORCEMENT", "(2026)甘0422刑执" + this.tag + "号");
		assertThat(entries(a)).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("basis_kind", "CRIMINAL_JUDGMENT")
				.containsEntry("period_years", 5)
				.containsEntry("basis_doc", "(2026)甘0422刑执" + this.tag + "号"));
	}

	@Test
	void aCaseRegisteredAtItsPenaltyListsItsSubjects() throws Exception {
		long a = enterprise("存量处罚公司" + this.tag, creditCode());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusMonths(2), "会金罚〔2026〕存" + this.tag, List.of(a));
		assertThat(entries(a)).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("basis_on",
					java.sql.Date.valueOf(LocalDate.now().minusMonths(2))));
	}

	@Test
	void aClueMeasureListsOnlyWhenItIsAnAdministrativePenalty() throws Exception {
		long a = enterprise("线索处罚公司" + this.tag, creditCode());
		long clue = determinedClue(a);
		measure(clue, "WARNING_INTERVIEW", "会师约〔2026〕" + this.tag, null);
		measure(clue, "SUPERVISED_REFUND", "会师清〔2026〕" + this.tag, "100000");
		assertThat(entries(a)).as("warnings and refunds list nobody").isEmpty();
		measure(clue, "ADMIN_PENALTY", "会师罚〔2026〕" + this.tag, "500000");
		assertThat(entries(a)).singleElement()
			.satisfies(e -> assertThat(e).containsEntry("source", "CLUE")
				.containsEntry("source_id", clue)
				.containsEntry("basis_kind", "ADMIN_PENALTY")
				.containsEntry("basis_doc", "会师罚〔2026〕" + this.tag)
				.containsEntry("basis_on", java.sql.Date.valueOf(LocalDate.now().minusDays(1))));
	}

	@Test
	void aRedeliveredEventOrTheSameDecisionTwiceListsTheSubjectOnce() throws Exception {
		long a = enterprise("重复事件公司" + this.tag, creditCode());
		CaseEvent.StageRecorded event = new CaseEvent.StageRecorded(
				new CaseEvent.CaseRef(987_654_321L, "AJ2026T" + this.tag, "重复投递", HUISHI_VILLAGE, null, List.of(a), 3),
				CasePath.ADMINISTRATIVE, CaseStage.ADMIN_DETERMINATION, CaseStage.PENALTY, LocalDate.now(),
				"会金罚〔2026〕重" + this.tag, "会宁县地方金融监督管理局", false);
		this.listing.on(event);
		this.listing.on(event);
		assertThat(entries(a)).hasSize(1);
		assertThat(count("select count(*) from audit_log where action = 'CREDIT_LIST' and summary like ?",
				"%重复事件公司" + this.tag + "%"))
			.isEqualTo(1);
	}

	@Test
	void anEntryLeavesTheListWhenItsPeriodEndsAndIsKept() throws Exception {
		long a = enterprise("期满公司" + this.tag, creditCode());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusYears(3).minusDays(1), "会金罚〔2023〕" + this.tag,
				List.of(a));
		long b = enterprise("未满公司" + this.tag, creditCode());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusYears(3).plusDays(1), "会金罚〔2023〕未" + this.tag,
				List.of(b));
		EventsDelivered.await(this.jdbc);
		assertThat(this.expiry.run(Times.today())).isPositive();
		Map<String, Object> ended = entries(a).get(0);
		assertThat(ended).containsEntry("status", "EXPIRED")
			.containsEntry("ended_on", java.sql.Date.valueOf(LocalDate.now().minusDays(1)));
		assertThat(entries(b).get(0)).containsEntry("status", "LISTED");
		assertThat(count("select count(*) from audit_log where action = 'CREDIT_EXPIRE' and target_id = ?",
				ended.get("id").toString()))
			.isEqualTo(1);
		assertThat(this.expiry.run(Times.today())).as("nothing left to remove").isZero();
		// the application's database role cannot delete an entry or rewrite the query log
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> this.jdbc.sql("delete from credit_entry where id = :id").param("id", ended.get("id")).update())
			.rootCause()
			.hasMessageContaining("permission denied");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("update credit_query_log set hits = 0").update())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThat(entries(a)).hasSize(1);
	}

}
