package org.fangfei.app.calendar;

import java.time.LocalDate;

/** One checked day of the table, before it is written. */
record HolidayEntry(LocalDate date, HolidayKind kind, String name) {

	@Override
	public String toString() {
		return this.date + "," + this.kind + "," + this.name;
	}

}
