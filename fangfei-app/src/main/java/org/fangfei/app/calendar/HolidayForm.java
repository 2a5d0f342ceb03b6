package org.fangfei.app.calendar;

/** The body of {@code PUT /api/v1/calendar/holidays/{date}}. */
record HolidayForm(String kind, String name) {
}
