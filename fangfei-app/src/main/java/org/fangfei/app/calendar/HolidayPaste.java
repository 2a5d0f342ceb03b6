package org.fangfei.app.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pasted schedule, one entry a line, and checks every line before anything is
 * written. A line is either {@code 2026-10-10,WORKDAY,国庆节调休上班} (commas, Chinese commas or
 * tabs; the kind may also be 放假 or 上班), {@code 2026-10-01 至 2026-10-07 国庆节} (every day of
 * the range a holiday; 到, ~ and ～ also work), or {@code 2026-10-01 国庆节} (one holiday).
 * Blank lines and lines starting with {@code #} are skipped.
 */
final class HolidayPaste {

	static final int MAX_LINES = 500;

	static final int MAX_RANGE_DAYS = 31;

	private static final Pattern RANGE = Pattern.compile("^(\\S+)\\s*(?:至|到|~|～)\\s*(\\S+)\\s+(.+)$");

	private static final Pattern SEPARATOR = Pattern.compile("[,，\\t]");

	/** The entries to write, and the problems that forbid writing any of them. */
	record Result(List<HolidayEntry> entries, List<String> problems) {

		boolean ok() {
			return this.problems.isEmpty();
		}

	}

	private HolidayPaste() {
	}

	static Result read(String text) {
		List<String> problems = new ArrayList<>();
		List<HolidayEntry> entries = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R", -1);
		if (lines.length > MAX_LINES) {
			return new Result(List.of(), List.of("一次最多粘贴" + MAX_LINES + "行，请分批录入"));
		}
		Map<LocalDate, Integer> seen = new HashMap<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int no = i + 1;
			List<String> lineProblems = new ArrayList<>();
			List<HolidayEntry> lineEntries = readLine(line, lineProblems);
			for (HolidayEntry e : lineEntries) {
				Integer first = seen.putIfAbsent(e.date(), no);
				if (first != null) {
					lineProblems.add(e.date() + " 与第" + first + "行重复");
				}
			}
			lineProblems.forEach(p -> problems.add("第" + no + "行：" + p));
			entries.addAll(lineEntries);
		}
		if (entries.isEmpty() && problems.isEmpty()) {
			problems.add("没有可录入的内容，请每行粘贴一条，如 2026-10-01,HOLIDAY,国庆节");
		}
		return new Result(problems.isEmpty() ? List.copyOf(entries) : List.of(), List.copyOf(problems));
	}

	private static List<HolidayEntry> readLine(String line, List<String> problems) {
		String[] fields = SEPARATOR.split(line, -1);
		if (fields.length > 1) {
			if (fields.length != 3) {
				problems.add("应为“日期,类型,名称”三项，如 2026-10-10,WORKDAY,国庆节调休上班");
				return List.of();
			}
			return one(fields[0], fields[1], fields[2], problems);
		}
		Matcher range = RANGE.matcher(line);
		if (range.matches()) {
			return range(range.group(1), range.group(2), range.group(3), problems);
		}
		String[] words = line.split("\\s+", 3);
		if (words.length == 1) {
			problems.add("缺少名称；应为“日期,类型,名称”或“开始日期 至 结束日期 名称”");
			return List.of();
		}
		if (words.length == 3 && HolidayKind.parse(words[1]) != null) {
			return one(words[0], words[1], words[2], problems);
		}
		return one(words[0], "HOLIDAY", line.substring(words[0].length()), problems);
	}

	private static List<HolidayEntry> one(String dateText, String kindText, String name, List<String> problems) {
		LocalDate date = HolidayRules.parseDate(dateText);
		List<String> dateProblems = HolidayRules.checkDate(dateText, date);
		if (!dateProblems.isEmpty()) {
			problems.addAll(dateProblems);
			return List.of();
		}
		HolidayKind kind = HolidayKind.parse(kindText);
		List<String> entryProblems = HolidayRules.checkEntry(date, kindText, kind, name);
		problems.addAll(entryProblems);
		return entryProblems.isEmpty() ? List.of(new HolidayEntry(date, kind, name.trim())) : List.of();
	}

	private static List<HolidayEntry> range(String fromText, String toText, String name, List<String> problems) {
		LocalDate from = HolidayRules.parseDate(fromText);
		LocalDate to = HolidayRules.parseDate(toText);
		List<String> dateProblems = new ArrayList<>(HolidayRules.checkDate(fromText, from));
		dateProblems.addAll(HolidayRules.checkDate(toText, to));
		if (dateProblems.isEmpty() && to.isBefore(from)) {
			dateProblems.add("结束日期 " + to + " 早于开始日期 " + from);
		}
		if (dateProblems.isEmpty() && ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
			dateProblems.add("一个日期范围不能超过" + MAX_RANGE_DAYS + "天");
		}
		if (!dateProblems.isEmpty()) {
			problems.addAll(dateProblems);
			return List.of();
		}
		List<String> entryProblems = HolidayRules.checkEntry(from, "HOLIDAY", HolidayKind.HOLIDAY, name);
		if (!entryProblems.isEmpty()) {
			problems.addAll(entryProblems);
			return List.of();
		}
		return from.datesUntil(to.plusDays(1)).map(d -> new HolidayEntry(d, HolidayKind.HOLIDAY, name.trim())).toList();
	}

}
