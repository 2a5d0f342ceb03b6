package org.fangfei.app.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every entry passes, from the form, the API and the bulk paste alike. Each
 * returns Chinese problems instead of throwing, so that a paste can report every line.
 */
final class HolidayRules {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2099;

	static final int NAME_MAX = 50;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final String[] WEEKDAYS = { "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

	private HolidayRules() {
	}

	/**
	 * The date written as 2026-10-01 (also 2026-10-1 or 2026/10/01); null when it is not
	 * one.
	 */
	static LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim().replace('/', '-').replace('.', '-'), DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Problems of a date; empty when it is a valid date within the years the table keeps.
	 */
	static List<String> checkDate(String text, LocalDate parsed) {
		if (parsed == null) {
			return List.of("日期“" + (text == null ? "" : text.trim()) + "”不正确，应为 2026-10-01 这样的格式");
		}
		if (parsed.getYear() < FIRST_YEAR || parsed.getYear() > LAST_YEAR) {
			return List.of("日期应在" + FIRST_YEAR + "年至" + LAST_YEAR + "年之间");
		}
		return List.of();
	}

	/** Problems of a kind and name for a valid date. */
	static List<String> checkEntry(LocalDate date, String kindText, HolidayKind kind, String name) {
		List<String> problems = new ArrayList<>();
		if (kind == null) {
			problems.add("类型“" + (kindText == null ? "" : kindText.trim()) + "”不正确，应为 HOLIDAY(放假) 或 WORKDAY(调休上班)");
		}
		else if (kind == HolidayKind.WORKDAY && !WorkingDays.isWeekend(date)) {
			problems.add(date + " 是" + weekday(date) + "，调休上班日必须是周六或周日");
		}
		String n = name == null ? "" : name.trim();
		if (n.isEmpty()) {
			problems.add("名称不能为空，如 春节 或 春节调休上班");
		}
		else if (n.length() > NAME_MAX) {
			problems.add("名称不能超过" + NAME_MAX + "个字");
		}
		return problems;
	}

	static void checkYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new org.fangfei.app.shared.Rejected("年份应在" + FIRST_YEAR + "到" + LAST_YEAR + "之间");
		}
	}

	static String weekday(LocalDate d) {
		return WEEKDAYS[d.getDayOfWeek().getValue() - 1];
	}

}
