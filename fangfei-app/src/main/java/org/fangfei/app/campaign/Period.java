package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a task's units report: each month, each quarter, or once. A periodic report
 * is due on the task's due day of the month after its period (the 5th by default, as 004
 * asks of the monthly ledger); a one-off report on the task's due date.
 */
enum Period {

	MONTHLY("每月"), QUARTERLY("每季度"), ONCE("一次");

	private final String label;

	Period(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * One reporting period of a task: its key ("2024-09", "2024-Q3", "ONCE") and due
	 * date.
	 */
	record Slot(String key, String label, LocalDate from, LocalDate to, LocalDate dueOn) {
	}

	/** The periods between a campaign's dates, oldest first. */
	List<Slot> slots(LocalDate start, LocalDate end, int dueDay, LocalDate dueOn) {
		List<Slot> slots = new ArrayList<>();
		if (this == ONCE) {
			slots.add(new Slot("ONCE", "一次性", start, end, dueOn == null ? end : dueOn));
			return slots;
		}
		YearMonth month = YearMonth.from(start);
		YearMonth last = YearMonth.from(end);
		while (!month.isAfter(last)) {
			if (this == MONTHLY) {
				slots.add(new Slot(month.toString(), month.getYear() + "年" + month.getMonthValue() + "月",
						month.atDay(1), month.atEndOfMonth(), month.plusMonths(1).atDay(dueDay)));
				month = month.plusMonths(1);
			}
			else {
				int quarter = (month.getMonthValue() - 1) / 3 + 1;
				YearMonth first = YearMonth.of(month.getYear(), quarter * 3 - 2);
				YearMonth third = first.plusMonths(2);
				slots.add(new Slot(month.getYear() + "-Q" + quarter, month.getYear() + "年第" + quarter + "季度",
						first.atDay(1), third.atEndOfMonth(), third.plusMonths(1).atDay(dueDay)));
				month = third.plusMonths(1);
			}
		}
		return slots;
	}

}
