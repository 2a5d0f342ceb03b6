package org.fangfei.app.patrol;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded patrol as shown, with where it was (region, grid, subject or building), the
 * checklist, its photos and, when a clue was raised, whether the clue workflow has taken
 * it in ({@code findingTakenAt}, {@code clueRef}).
 */
record Patrol(long id, String regionCode, String regionName, Long gridId, String gridName, Long subjectId,
		String subjectName, Long buildingId, String buildingName, String worker, OffsetDateTime visitedAt, String place,
		Answer legallyRegistered, Answer fundraisingApproved, Answer solicitsPublic, Answer promisesHighReturns,
		Answer hidesBehindLegalForm, Answer adsOrStallsSeen, String notes, boolean raiseClue, List<Long> photoIds,
		OffsetDateTime findingTakenAt, String clueRef, OffsetDateTime createdAt) {

	/** This patrol with the name of its building, which the building module keeps. */
	Patrol withBuildingName(String name) {
		return new Patrol(this.id, this.regionCode, this.regionName, this.gridId, this.gridName, this.subjectId,
				this.subjectName, this.buildingId, name, this.worker, this.visitedAt, this.place,
				this.legallyRegistered, this.fundraisingApproved, this.solicitsPublic, this.promisesHighReturns,
				this.hidesBehindLegalForm, this.adsOrStallsSeen, this.notes, this.raiseClue, this.photoIds,
				this.findingTakenAt, this.clueRef, this.createdAt);
	}

	public Map<Question, Answer> answers() {
		Map<Question, Answer> answers = new EnumMap<>(Question.class);
		answers.put(Question.LEGALLY_REGISTERED, this.legallyRegistered);
		answers.put(Question.FUNDRAISING_APPROVED, this.fundraisingApproved);
		answers.put(Question.SOLICITS_PUBLIC, this.solicitsPublic);
		answers.put(Question.PROMISES_HIGH_RETURNS, this.promisesHighReturns);
		answers.put(Question.HIDES_BEHIND_LEGAL_FORM, this.hidesBehindLegalForm);
		answers.put(Question.ADS_OR_STALLS_SEEN, this.adsOrStallsSeen);
		return answers;
	}

	/** The warning signs among the answers, as a finding reads them. */
	public List<String> warnings() {
		return warningsIn(answers());
	}

	/** The subject's or building's name. */
	public String target() {
		return this.subjectName != null ? this.subjectName : this.buildingName;
	}

	/** One line for lists: the warning signs, or that none were found. */
	public String summary() {
		List<String> warnings = warnings();
		return warnings.isEmpty() ? "未发现异常" : String.join("；", warnings);
	}

	static List<String> warningsIn(Map<Question, Answer> answers) {
		List<String> warnings = new ArrayList<>();
		answers.forEach((q, a) -> {
			if (q.isWarning(a)) {
				warnings.add(q.finding());
			}
		});
		return warnings;
	}

}
