package org.fangfei.app.calendar;

import java.time.LocalDate;

/** The answer of {@code GET /api/v1/calendar/working-days}. */
record WorkingDate(LocalDate date) {
}
