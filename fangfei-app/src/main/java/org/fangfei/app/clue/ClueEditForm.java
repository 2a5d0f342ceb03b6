package org.fangfei.app.clue;

/**
 * What the office may correct on an open clue: its summary, figures and classification;
 * the region only before it is dispatched. {@code version} is the clue's version as the
 * user saw it.
 */
public record ClueEditForm(Integer version, String title, String description, String regionCode, String sectorCode,
		String schemeCode, String amount, Integer peopleCount, ClueGrade grade) {

	static ClueEditForm of(ClueView clue) {
		return new ClueEditForm(clue.version(), clue.title(), clue.description(), clue.regionCode(), clue.sectorCode(),
				clue.schemeCode(), clue.amount(), clue.peopleCount(), clue.grade());
	}

}
