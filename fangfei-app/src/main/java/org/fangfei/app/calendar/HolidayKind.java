package org.fangfei.app.calendar;

import java.util.Locale;

/** What an entry of the table makes of its day. */
enum HolidayKind {

	/** 放假: a day off, even on a weekday. */
	HOLIDAY("放假"),

	/** 调休上班: a Saturday or Sunday that is a working day. */
	WORKDAY("调休上班");

	private final String label;

	HolidayKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The kind named by its code or its Chinese words (放假, 休, 调休上班, 上班, 班); null when
	 * unknown.
	 */
	static HolidayKind parse(String text) {
		String t = text == null ? "" : text.trim();
		return switch (t.toUpperCase(Locale.ROOT)) {
			case "HOLIDAY", "放假", "休", "假" -> HOLIDAY;
			case "WORKDAY", "调休上班", "上班", "班" -> WORKDAY;
			default -> null;
		};
	}

}
