package org.fangfei.app.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure domain, no Spring: immutable set of holidays (法定节假日, days off even on weekdays)
 * and adjusted working days (调休上班, weekend days that are working days).
 * <p>
 * A day is a working day when it is an adjusted working day, or a Monday to Friday that
 * is not a holiday. A holiday on a weekend and an adjusted working day on a weekday
 * change nothing. Days outside the table are counted as plain weeks (Monday to Friday),
 * so a year whose schedule has not been entered yet gives weekend-only results.
 */
public final class WorkingDays {

	/** 1970-01-05, a Monday: weeks are counted from it. */
	private static final long A_MONDAY = 4;

	/** Holidays that fall on a weekday, the only ones that change a count. */
	private final NavigableSet<LocalDate> holidays;

	/**
	 * Adjusted working days that fall on a weekend, the only ones that change a count.
	 */
	private final NavigableSet<LocalDate> extraWorkdays;

	/**
	 * @throws IllegalArgumentException when a day is both a holiday and an adjusted
	 * working day
	 */
	public WorkingDays(Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {
		for (LocalDate d : holidays) {
			if (extraWorkdays.contains(d)) {
				throw new IllegalArgumentException(d + " is both a holiday and a working day");
			}
		}
		this.holidays = Collections
			.unmodifiableNavigableSet(new TreeSet<>(holidays.stream().filter(d -> !isWeekend(d)).toList()));
		this.extraWorkdays = Collections
			.unmodifiableNavigableSet(new TreeSet<>(extraWorkdays.stream().filter(WorkingDays::isWeekend).toList()));
	}

	public boolean isWorkingDay(LocalDate d) {
		return isWeekend(d) ? this.extraWorkdays.contains(d) : !this.holidays.contains(d);
	}

	/**
	 * The date n working days after start (n ≥ 0; start itself not counted; n = 0 gives
	 * start if it is a working day, else the next working day). For n ≥ 1,
	 * {@code between(start, plus(start, n)) == n}.
	 */
	public LocalDate plus(LocalDate start, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative: " + n);
		}
		LocalDate d = start;
		if (n == 0) {
			while (!isWorkingDay(d)) {
				d = d.plusDays(1);
			}
			return d;
		}
		int left = n;
		while (left > 0) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				left--;
			}
		}
		return d;
	}

	/**
	 * Working days from a (exclusive) to b (inclusive); negative when b is before a, so
	 * that {@code between(a, b) == -between(b, a)}. Computed from the week arithmetic and
	 * the table entries in the range, not day by day.
	 */
	public int between(LocalDate a, LocalDate b) {
		if (b.isBefore(a)) {
			return -between(b, a);
		}
		long weekdays = weekdaysUpTo(b) - weekdaysUpTo(a);
		int off = this.holidays.subSet(a, false, b, true).size();
		int on = this.extraWorkdays.subSet(a, false, b, true).size();
		return Math.toIntExact(weekdays - off + on);
	}

	/**
	 * Monday-to-Friday days from the reference Monday up to d, inclusive (may be
	 * negative).
	 */
	private static long weekdaysUpTo(LocalDate d) {
		long days = d.toEpochDay() - A_MONDAY;
		return Math.floorDiv(days, 7) * 5 + Math.min(Math.floorMod(days, 7) + 1, 5);
	}

	static boolean isWeekend(LocalDate d) {
		DayOfWeek w = d.getDayOfWeek();
		return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
	}

}
