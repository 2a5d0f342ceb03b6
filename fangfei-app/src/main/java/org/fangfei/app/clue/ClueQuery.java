package org.fangfei.app.clue;

/**
 * Filters of the clue list; every field is optional. {@code text} is a clue code or part
 * of the title; {@code regionCode} narrows to a region within the caller's scope;
 * {@code mine} keeps the clues waiting for the caller (我的待办).
 */
public record ClueQuery(String text, ClueState state, ClueSource source, ClueGrade grade, String regionCode,
		String sectorCode, Boolean overdue, Boolean supervised, Boolean mine) {

	public static ClueQuery all() {
		return new ClueQuery(null, null, null, null, null, null, false, false, false);
	}

}
