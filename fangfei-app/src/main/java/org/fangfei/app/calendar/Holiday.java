package org.fangfei.app.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One day of the table as stored: who last changed it and when. */
record Holiday(LocalDate date, HolidayKind kind, String name, String updatedBy, OffsetDateTime updatedAt) {

	public String kindLabel() {
		return this.kind.label();
	}

	public String weekday() {
		return HolidayRules.weekday(this.date);
	}

}
