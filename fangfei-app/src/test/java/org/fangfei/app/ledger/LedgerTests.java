package org.fangfei.app.ledger;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A township's monthly ledger: built from what stood at the month's end (a later change
 * never reaches it), the workflow township → county and back, every bad input refused in
 * Chinese with nothing written, the township's scope, the reminders and the export.
 */
@IntegrationTest
class LedgerTests extends LedgerTestSupport {

	@Test
	void aMonthsLedgerShowsTheRecordsAsTheyStoodAtItsEndNotAsTheyAreNow() throws Exception {
		long firm = subjectAt("2019-03-10T10:00:00", "台账三月公司", HUISHI_VILLAGE);
		long later = subjectAt("2019-04-02T10:00:00", "台账四月公司", HUISHI_VILLAGE);
		long clue = clueAt("2019-03-12T09:00:00", "台账三月线索", HUISHI_VILLAGE, false);
		caseAt("台账三月案件", "ADMIN_INVESTIGATION", LocalDate.of(2019, 3, 20), HUISHI_VILLAGE);
		changeSubject(firm, "risk_level", "RED", "2019-04-03T09:00:00");
		acceptClueAt(clue, "2019-04-03T10:00:00");

		LedgerContent march = this.ledgers
			.version(this.ledgers.generate(HUISHI, "2019-03", township(HUISHI, "huishi")).id(), null, DataScope.all())
			.content();
		assertThat(march.title()).isEqualTo("会师镇 2019-03 月度动态台账");
		assertThat(rowsWith(march, "subjects", "台账三月公司" + this.tag)).singleElement()
			.satisfies(r -> assertThat(r.subList(5, 8)).containsExactly("未定级", "监测中", "本月新增(含迁入)"));
		assertThat(rowsWith(march, "subjects", "台账四月公司" + this.tag)).isEmpty();
		assertThat(rowsWith(march, "clues", "台账三月线索 " + this.tag)).singleElement()
			.satisfies(r -> assertThat(r.subList(6, 8)).containsExactly("本月登记", "待受理"));
		assertThat(rowsWith(march, "cases", "台账三月案件 " + this.tag)).singleElement()
			.satisfies(r -> assertThat(r.get(4)).isEqualTo("行政调查"));
		assertThat(summary(march, "本月受理登记")).isEqualTo("1");
		assertThat(summary(march, "本月新增(含迁入)")).isEqualTo("1");

		LedgerContent april = this.ledgers
			.version(this.ledgers.generate(HUISHI, "2019-04", township(HUISHI, "huishi")).id(), null, DataScope.all())
			.content();
		assertThat(rowsWith(april, "subjects", "台账三月公司" + this.tag)).singleElement()
			.satisfies(r -> assertThat(r.get(7)).isEqualTo("风险等级 未定级→红色"));
		assertThat(rowsWith(april, "subjects", "台账四月公司" + this.tag)).hasSize(1);
		assertThat(rowsWith(april, "clues", "台账三月线索 " + this.tag)).singleElement()
			.satisfies(r -> assertThat(r.subList(6, 9)).containsExactly("待受理", "待分派", "待受理→待分派"));
		assertThat(summary(april, "本月等级或状态变化")).isEqualTo("1");
		assertThat(Long.parseLong(summary(april, "月末在册风险主体")))
			.isEqualTo(Long.parseLong(summary(march, "月末在册风险主体")) + 1);

		// changed today, long after March: March regenerated is March as it was
		changeSubject(firm, "status", "RESOLVED", "2026-01-05T09:00:00");
		changeSubject(later, "region_code", HEPAN_VILLAGE, "2026-01-05T09:00:00");
		Ledgers.Ledger again = this.ledgers.generate(HUISHI, "2019-03", township(HUISHI, "huishi"));
		assertThat(again.versions()).isEqualTo(2);
		assertThat(this.ledgers.version(again.id(), 2, DataScope.all()).content().sections())
			.isEqualTo(march.sections());
		assertThat(this.ledgers.version(again.id(), 1, DataScope.all()).content()).isEqualTo(march);
	}

	@Test
	void theTownshipSubmitsTheCountyReturnsTheTownshipRegeneratesAndResubmitsTheCountyAccepts() throws Exception {
		subjectAt("2019-05-10T10:00:00", "台账流程公司", HUISHI_VILLAGE);
		var township = township(HUISHI, "huishi");
		var county = county("office");
		Ledgers.Ledger ledger;
		try (var held = Times.holdAt(at("2019-06-03T09:00:00"))) {
			ledger = this.ledgers.generate(HUISHI, "2019-05", township);
			assertThat(ledger.dueOn()).isEqualTo(LocalDate.of(2019, 6, 5));
			ledger = this.ledgers.submit(ledger.id(), null, township);
		}
		long id = ledger.id();
		assertThat(ledger.status()).isEqualTo(LedgerStatus.SUBMITTED);
		assertThat(ledger.late()).isFalse();
		assertThat(openNotices("ledger:" + id + ":review:1")).isEqualTo(1);

		assertThatThrownBy(() -> this.ledgers.generate(HUISHI, "2019-05", township)).isInstanceOf(Rejected.class)
			.hasMessage("会师镇 2019-05 月度台账已上报待审核，不能重新生成");
		assertThatThrownBy(() -> this.ledgers.submit(id, null, township)).isInstanceOf(Rejected.class)
			.hasMessage("台账已上报待审核，不能再次上报");
		assertThatThrownBy(() -> this.ledgers.returnLedger(id, " ", county)).isInstanceOf(Rejected.class)
			.hasMessage("请填写退回原因");
		assertThatThrownBy(() -> this.ledgers.returnLedger(id, "长".repeat(1001), county)).isInstanceOf(Rejected.class)
			.hasMessage("退回原因不能超过 1000 个字");

		ledger = this.ledgers.returnLedger(id, "线索台账缺少本月核查情况，请补录后重新生成", county);
		assertThat(ledger.status()).isEqualTo(LedgerStatus.RETURNED);
		assertThat(openNotices("ledger:" + id + ":review:1")).isZero();
		assertThat(openNotices("ledger:" + id + ":returned:1")).isEqualTo(1);
		assertThatThrownBy(() -> this.ledgers.submit(id, null, township)).isInstanceOf(Rejected.class)
			.hasMessage("台账已被退回，请按退回意见核实更正后重新生成，再上报");
		assertThatThrownBy(() -> this.ledgers.accept(id, county)).isInstanceOf(Rejected.class)
			.hasMessage("只能审核已上报的台账，该台账已退回待重报");

		ledger = this.ledgers.generate(HUISHI, "2019-05", township);
		assertThat(ledger.status()).isEqualTo(LedgerStatus.DRAFT);
		assertThat(ledger.versions()).isEqualTo(2);
		ledger = this.ledgers.submit(id, "已补录核查情况", township);
		assertThat(ledger.late()).as("late is the first submission's").isFalse();
		assertThat(openNotices("ledger:" + id + ":returned:1")).isZero();
		ledger = this.ledgers.accept(id, county);
		assertThat(ledger.status()).isEqualTo(LedgerStatus.ACCEPTED);
		assertThatThrownBy(() -> this.ledgers.returnLedger(id, "再退", county)).isInstanceOf(Rejected.class)
			.hasMessage("只能审核已上报的台账，该台账审核通过");

		assertThat(this.ledgers.timeline(id, DataScope.all())).extracting(Ledgers.Event::label)
			.containsExactly("生成第 1 版", "上报第 1 版", "退回", "生成第 2 版", "上报第 2 版", "审核通过");
		assertThat(this.ledgers.timeline(id, DataScope.all()).get(2).note()).isEqualTo("线索台账缺少本月核查情况，请补录后重新生成");
		assertThat(this.ledgers.version(id, 1, DataScope.all()).number()).isEqualTo(1);
		assertThat(audits(id)).containsExactly("LEDGER_GENERATE", "LEDGER_SUBMIT", "LEDGER_RETURN", "LEDGER_GENERATE",
				"LEDGER_SUBMIT", "LEDGER_ACCEPT");
	}

	@Test
	void aLedgerSubmittedAfterTheFifthIsFlaggedLate() {
		var township = township(HEPAN, "hepan");
		Ledgers.Ledger ledger = this.ledgers.generate(HEPAN, "2019-09", township);
		assertThat(ledger.overdue(Times.today())).as("not submitted, due long ago").isTrue();
		ledger = this.ledgers.submit(ledger.id(), null, township);
		assertThat(ledger.late()).isTrue();
		assertThat(ledger.overdue(Times.today())).isTrue();
	}

	@Test
	void badMonthsAndRegionsAreRefusedInChineseAndNothingIsWritten() {
		var township = township(HUISHI, "huishi");
		long before = count();
		assertThatThrownBy(() -> this.ledgers.generate(HUISHI, "2999-01", township)).isInstanceOf(Rejected.class)
			.hasMessage("不能生成未来月份（2999-01）的台账");
		String current = java.time.YearMonth.from(Times.today()).toString();
		assertThatThrownBy(() -> this.ledgers.generate(HUISHI, current, township)).isInstanceOf(Rejected.class)
			.hasMessage(current + " 尚未结束，月末之后才能生成该月台账");
		assertThatThrownBy(() -> this.ledgers.generate(HUISHI, "2019-13", township)).isInstanceOf(Rejected.class)
			.hasMessage("月份不正确：2019-13");
		assertThatThrownBy(() -> this.ledgers.generate(HUISHI, "三月", township)).isInstanceOf(Rejected.class)
			.hasMessageStartingWith("月份格式应为 YYYY-MM");
		assertThatThrownBy(() -> this.ledgers.generate(HUISHI, null, township)).isInstanceOf(Rejected.class)
			.hasMessageStartingWith("月份格式应为 YYYY-MM");
		assertThatThrownBy(() -> this.ledgers.generate(HEPAN, "2019-10", township)).isInstanceOf(Rejected.class)
			.hasMessage("只能生成本辖区乡镇(街道)的月度台账");
		assertThatThrownBy(() -> this.ledgers.generate(HUISHI_VILLAGE, "2019-10", township))
			.isInstanceOf(Rejected.class)
			.hasMessageStartingWith("月度台账按乡镇(街道)生成，东山根社区")
			.hasMessageEndingWith("不是乡镇(街道)");
		assertThatThrownBy(() -> this.ledgers.generate("", "2019-10", township)).isInstanceOf(Rejected.class)
			.hasMessage("请选择乡镇(街道)");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aTownshipSeesOnlyItsOwnLedgersAndCannotReview() throws Exception {
		Ledgers.Ledger own = this.ledgers.generate(HUISHI, "2019-11", township(HUISHI, "huishi"));
		Ledgers.Ledger other = this.ledgers.generate(HEPAN, "2019-11", township(HEPAN, "hepan"));
		assertThatThrownBy(() -> this.ledgers.get(other.id(), DataScope.jurisdiction(HUISHI)))
			.isInstanceOf(NotFound.class);
		assertThat(this.mvc.perform(get("/ledgers/" + other.id()).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/ledgers/" + own.id()).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("会师镇 2019-11 月度动态台账");
		String board = this.mvc.perform(get("/ledgers").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(board).contains("row-" + HUISHI).doesNotContain("row-" + HEPAN);
		assertThat(this.mvc.perform(get("/ledgers").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("row-" + HUISHI).contains("row-" + HEPAN);
		this.ledgers.submit(own.id(), null, township(HUISHI, "huishi"));
		assertThat(this.mvc.perform(post("/ledgers/" + own.id() + "/accept").with(user(this.huishi)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc
			.perform(post("/ledgers/generate").param("regionCode", HUISHI)
				.param("month", "2019-11")
				.with(user(this.office))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).as("the county checks, the township generates").isEqualTo(403);
		assertThat(this.ledgers.get(own.id(), DataScope.all()).status()).isEqualTo(LedgerStatus.SUBMITTED);
	}

	@Test
	void aVersionIsExportedAsAWorkbookWithATitleSheetAndOneSheetPerSection() throws Exception {
		subjectAt("2019-12-10T10:00:00", "台账导出公司", HUISHI_VILLAGE);
		Ledgers.Ledger ledger = this.ledgers.generate(HUISHI, "2019-12", township(HUISHI, "huishi"));
		byte[] xlsx = this.mvc.perform(get("/ledgers/" + ledger.id() + "/export").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3),
					wb.getSheetName(4)))
				.containsExactly("说明", "一、汇总", "二、风险主体动态台账", "三、线索办理情况", "四、案件办理情况");
			assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("会师镇 2019-12 月度动态台账");
			List<String> names = new java.util.ArrayList<>();
			wb.getSheetAt(2).forEach(row -> names.add(row.getCell(1).getStringCellValue()));
			assertThat(names).contains("主体名称", "台账导出公司" + this.tag);
		}
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'LEDGER_EXPORT' and target_id = :id")
			.param("id", Long.toString(ledger.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void townshipsAreRemindedFromTheFirstAndToldWhenOverdueUntilTheySubmit(
			@org.springframework.beans.factory.annotation.Autowired LedgerReminders reminders) {
		String key = "ledger:" + HUISHI + ":2018-02:due";
		reminders.run(LocalDate.of(2018, 3, 1));
		reminders.run(LocalDate.of(2018, 3, 2));
		assertThat(openNotices(key)).isEqualTo(1);
		assertThat(openNotices(key + ":late")).isZero();
		reminders.run(LocalDate.of(2018, 3, 6));
		assertThat(openNotices(key + ":late")).isEqualTo(1);
		var township = township(HUISHI, "huishi");
		Ledgers.Ledger ledger = this.ledgers.generate(HUISHI, "2018-02", township);
		this.ledgers.submit(ledger.id(), null, township);
		assertThat(openNotices(key)).isZero();
		assertThat(openNotices(key + ":late")).isZero();
		reminders.run(LocalDate.of(2018, 3, 7));
		assertThat(openNotices(key)).as("a submitted ledger is not reminded of again").isZero();
	}

	@Test
	void aScheduledPassPostsItsRemindersInOneTransaction(
			@org.springframework.beans.factory.annotation.Autowired LedgerReminders reminders) {
		// the scheduler calls scheduled(), which reaches run() without Spring's proxy:
		// the
		// pass must still be one transaction (all its notices or none), not one per
		// notice
		freeLock();
		try (var held = Times.holdAt(at("2016-03-02T09:00:00"))) {
			reminders.scheduled();
		}
		finally {
			freeLock();
		}
		List<Long> perTransaction = this.jdbc.sql("""
				select count(*) from notice where dedup_key like 'ledger:%:2016-02:due' group by xmin::text
				""").query(Long.class).list();
		assertThat(perTransaction).as("one transaction for the whole pass").hasSize(1);
		assertThat(perTransaction.get(0)).as("a reminder for each township").isGreaterThan(1);
	}

	private void freeLock() {
		this.jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name = 'ledger-reminders'")
			.update();
	}

	private long openNotices(String key) {
		return this.jdbc.sql("select count(*) from notice where dedup_key = :k and resolved_at is null")
			.param("k", key)
			.query(Long.class)
			.single();
	}

	private List<String> audits(long id) {
		return this.jdbc
			.sql("select action from audit_log where target_type = 'ledger' and target_id = :id order by id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
	}

	private long count() {
		return this.jdbc.sql("select (select count(*) from ledger) + (select count(*) from ledger_version)")
			.query(Long.class)
			.single();
	}

}
