package org.fangfei.app.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk paste reader: each accepted form, and each refusal naming its line. */
class HolidayPasteTests {

	@Test
	void readsCommaLinesRangesAndSingleDays() {
		HolidayPaste.Result r = HolidayPaste.read("""
				# 2026 国庆
				2026-10-01 至 2026-10-07 国庆节
				2026-09-20，上班，国庆节调休上班
				2026/10/10\tWORKDAY\t国庆节调休上班

				2026-9-25 中秋节
				""");
		assertThat(r.problems()).isEmpty();
		assertThat(r.entries()).hasSize(10);
		assertThat(r.entries().get(0))
			.isEqualTo(new HolidayEntry(LocalDate.of(2026, 10, 1), HolidayKind.HOLIDAY, "国庆节"));
		assertThat(r.entries().get(6).date()).isEqualTo(LocalDate.of(2026, 10, 7));
		assertThat(r.entries().get(7))
			.isEqualTo(new HolidayEntry(LocalDate.of(2026, 9, 20), HolidayKind.WORKDAY, "国庆节调休上班"));
		assertThat(r.entries().get(9))
			.isEqualTo(new HolidayEntry(LocalDate.of(2026, 9, 25), HolidayKind.HOLIDAY, "中秋节"));
	}

	@Test
	void everyWrongLineIsNamedAndNothingIsKept() {
		HolidayPaste.Result r = HolidayPaste.read("""
				2026-10-01,HOLIDAY,国庆节
				2026-02-30,HOLIDAY,春节
				2026-10-09,WORKDAY,国庆节调休上班
				2026-10-01,HOLIDAY,国庆节
				2026-10-08,休息日,国庆节
				2026-10-12,HOLIDAY,
				2026-10-20 至 2026-10-15 秋假
				2026-10-13,HOLIDAY
				""");
		assertThat(r.entries()).isEmpty();
		assertThat(r.problems()).containsExactly("第2行：日期“2026-02-30”不正确，应为 2026-10-01 这样的格式",
				"第3行：2026-10-09 是周五，调休上班日必须是周六或周日", "第4行：2026-10-01 与第1行重复",
				"第5行：类型“休息日”不正确，应为 HOLIDAY(放假) 或 WORKDAY(调休上班)", "第6行：名称不能为空，如 春节 或 春节调休上班",
				"第7行：结束日期 2026-10-15 早于开始日期 2026-10-20", "第8行：应为“日期,类型,名称”三项，如 2026-10-10,WORKDAY,国庆节调休上班");
	}

	@Test
	void aRangeOverlappingAnotherLineIsADuplicate() {
		HolidayPaste.Result r = HolidayPaste.read("2026-10-01 至 2026-10-07 国庆节\n2026-10-07,HOLIDAY,国庆节");
		assertThat(r.problems()).containsExactly("第2行：2026-10-07 与第1行重复");
	}

	@Test
	void emptyTooLongAndOutOfRangeAreRefused() {
		assertThat(HolidayPaste.read(" \n# 只有注释\n").problems()).singleElement().asString().startsWith("没有可录入的内容");
		assertThat(HolidayPaste.read("2026-01-01 至 2026-03-01 寒假").problems()).containsExactly("第1行：一个日期范围不能超过31天");
		assertThat(HolidayPaste.read("1999-10-01,HOLIDAY,国庆节").problems()).containsExactly("第1行：日期应在2000年至2099年之间");
		assertThat(HolidayPaste.read("2026-10-01\n".repeat(501)).problems()).singleElement()
			.asString()
			.contains("一次最多粘贴500行");
		assertThat(HolidayPaste.read("2026-10-01").problems()).singleElement().asString().contains("缺少名称");
	}

}
