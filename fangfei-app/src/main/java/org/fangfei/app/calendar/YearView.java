package org.fangfei.app.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The twelve months of a year as week rows (Monday first) for the calendar page: each day
 * with the CSS class that colours it and its name for the tooltip.
 */
record YearView(int year, List<Month> months) {

	record Month(int month, List<List<Day>> weeks) {

		public String title() {
			return this.month + "月";
		}

	}

	/**
	 * A cell of the grid; {@code date} is null for the blanks before the 1st and after
	 * the last.
	 */
	record Day(LocalDate date, String css, String title) {

		public int dayOfMonth() {
			return this.date.getDayOfMonth();
		}

	}

	static YearView of(int year, List<Holiday> entries) {
		Map<LocalDate, Holiday> byDate = entries.stream().collect(Collectors.toMap(Holiday::date, Function.identity()));
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			months.add(new Month(m, weeks(YearMonth.of(year, m), byDate)));
		}
		return new YearView(year, months);
	}

	private static List<List<Day>> weeks(YearMonth month, Map<LocalDate, Holiday> byDate) {
		List<List<Day>> weeks = new ArrayList<>();
		List<Day> week = new ArrayList<>();
		int blanks = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
		for (int i = 0; i < blanks; i++) {
			week.add(new Day(null, "cal-blank", ""));
		}
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			week.add(day(month.atDay(d), byDate.get(month.atDay(d))));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			Day[] rest = new Day[7 - week.size()];
			Arrays.fill(rest, new Day(null, "cal-blank", ""));
			week.addAll(List.of(rest));
			weeks.add(week);
		}
		return weeks;
	}

	private static Day day(LocalDate date, Holiday entry) {
		String label = date + " " + HolidayRules.weekday(date);
		if (entry != null && entry.kind() == HolidayKind.HOLIDAY) {
			return new Day(date, "cal-holiday", label + " " + entry.name() + "（放假）");
		}
		if (entry != null && entry.kind() == HolidayKind.WORKDAY) {
			return new Day(date, "cal-workday", label + " " + entry.name() + "（上班）");
		}
		return new Day(date, WorkingDays.isWeekend(date) ? "cal-weekend" : "cal-plain", label);
	}

}
