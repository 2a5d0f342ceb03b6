package org.fangfei.app.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Working-day arithmetic on the 2026 schedule of the State Council (National Day 1–7
 * October, adjusted working days Sunday 20 September and Saturday 10 October) and on
 * random tables cross-checked day by day.
 */
class WorkingDaysTests {

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	/** National Day and Mid-Autumn 2026 as published. */
	private final WorkingDays autumn2026 = new WorkingDays(
			Set.of(d("2026-09-25"), d("2026-09-26"), d("2026-09-27"), d("2026-10-01"), d("2026-10-02"), d("2026-10-03"),
					d("2026-10-04"), d("2026-10-05"), d("2026-10-06"), d("2026-10-07")),
			Set.of(d("2026-09-20"), d("2026-10-10")));

	private final WorkingDays plainWeeks = new WorkingDays(Set.of(), Set.of());

	@Test
	void weekendsAreSkipped() {
		// Friday 2026-03-06 + 1 working day = Monday 9 March
		assertThat(this.plainWeeks.plus(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
		assertThat(this.plainWeeks.plus(d("2026-03-02"), 5)).isEqualTo(d("2026-03-09"));
		assertThat(this.plainWeeks.isWorkingDay(d("2026-03-07"))).isFalse();
		assertThat(this.plainWeeks.isWorkingDay(d("2026-03-09"))).isTrue();
	}

	@Test
	void holidaysInTheMiddleAndAnAdjustedSaturdayCount() {
		// Mon 28 Sep: Tue 29 (1), Wed 30 (2), 1–7 Oct off, Thu 8 (3), Fri 9 (4), Sat 10
		// worked (5)
		assertThat(this.autumn2026.plus(d("2026-09-28"), 5)).isEqualTo(d("2026-10-10"));
		assertThat(this.autumn2026.plus(d("2026-09-28"), 6)).isEqualTo(d("2026-10-12"));
		assertThat(this.autumn2026.isWorkingDay(d("2026-10-10"))).isTrue();
		assertThat(this.autumn2026.isWorkingDay(d("2026-10-11"))).isFalse();
		assertThat(this.autumn2026.isWorkingDay(d("2026-10-01"))).isFalse();
		// without the adjusted Saturday the same count ends on Monday
		WorkingDays noSaturday = new WorkingDays(
				Set.of(d("2026-10-01"), d("2026-10-02"), d("2026-10-05"), d("2026-10-06"), d("2026-10-07")), Set.of());
		assertThat(noSaturday.plus(d("2026-09-28"), 5)).isEqualTo(d("2026-10-12"));
	}

	@Test
	void anAdjustedSundayIsCountedAndAWeekendHolidayChangesNothing() {
		// Fri 18 Sep + 1 = Sun 20 Sep (adjusted working day)
		assertThat(this.autumn2026.plus(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
		WorkingDays weekendHoliday = new WorkingDays(Set.of(d("2026-03-07")), Set.of(d("2026-03-10")));
		assertThat(weekendHoliday.between(d("2026-03-01"), d("2026-03-31")))
			.isEqualTo(this.plainWeeks.between(d("2026-03-01"), d("2026-03-31")));
	}

	@Test
	void zeroDaysIsTheStartWhenItIsAWorkingDayElseTheNextOne() {
		assertThat(this.autumn2026.plus(d("2026-09-28"), 0)).isEqualTo(d("2026-09-28"));
		assertThat(this.autumn2026.plus(d("2026-10-03"), 0)).isEqualTo(d("2026-10-08"));
		assertThat(this.autumn2026.plus(d("2026-09-20"), 0)).isEqualTo(d("2026-09-20"));
		assertThat(this.plainWeeks.plus(d("2026-03-07"), 0)).isEqualTo(d("2026-03-09"));
	}

	@Test
	void aStartOnAHolidayIsNotCounted() {
		// Thu 1 Oct + 1 = Thu 8 Oct; + 3 = Sat 10 Oct
		assertThat(this.autumn2026.plus(d("2026-10-01"), 1)).isEqualTo(d("2026-10-08"));
		assertThat(this.autumn2026.plus(d("2026-10-01"), 3)).isEqualTo(d("2026-10-10"));
	}

	@Test
	void betweenCountsBothDirections() {
		assertThat(this.autumn2026.between(d("2026-09-28"), d("2026-10-10"))).isEqualTo(5);
		assertThat(this.autumn2026.between(d("2026-10-10"), d("2026-09-28"))).isEqualTo(-5);
		assertThat(this.autumn2026.between(d("2026-09-28"), d("2026-09-28"))).isZero();
		assertThat(this.autumn2026.between(d("2026-09-30"), d("2026-10-07"))).isZero();
		// Sat to the following Mon: one working day either way
		assertThat(this.plainWeeks.between(d("2026-03-07"), d("2026-03-09"))).isEqualTo(1);
		assertThat(this.plainWeeks.between(d("2026-03-09"), d("2026-03-07"))).isEqualTo(-1);
	}

	@Test
	void aLongRangeAgreesWithCountingDayByDay() {
		Random random = new Random(20260101);
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> workdays = new HashSet<>();
		LocalDate first = d("2025-11-15");
		for (int i = 0; i < 400; i++) {
			LocalDate day = first.plusDays(i);
			int roll = random.nextInt(10);
			if (roll == 0) {
				holidays.add(day);
			}
			else if (roll == 1 && !holidays.contains(day)) {
				workdays.add(day);
			}
		}
		WorkingDays table = new WorkingDays(holidays, workdays);
		LocalDate last = first.plusDays(400);
		int count = 0;
		for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
			boolean weekend = day.getDayOfWeek().getValue() >= 6;
			boolean working = workdays.contains(day) || (!weekend && !holidays.contains(day));
			assertThat(table.isWorkingDay(day)).as(day.toString()).isEqualTo(working);
			if (working) {
				count++;
				assertThat(table.plus(first, count)).as("plus %d", count).isEqualTo(day);
			}
			assertThat(table.between(first, day)).as(day.toString()).isEqualTo(count);
			assertThat(table.between(day, first)).isEqualTo(-count);
		}
		assertThat(count).isBetween(250, 330);
	}

	@Test
	void aDayCannotBeBothOffAndWorkedNorCountedBackwards() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingDays(Set.of(d("2026-10-10")), Set.of(d("2026-10-10"))));
		assertThatIllegalArgumentException().isThrownBy(() -> this.plainWeeks.plus(d("2026-10-10"), -1));
	}

}
