package org.fangfei.app.clue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A clue as shown on its page and in the API: the informant's contact masked only.
 */
public record ClueView(long id, String code, ClueSource source, String sourceDetail, String sourceRef,
		OffsetDateTime receivedAt, String title, String description, String regionCode, String regionName,
		String sectorCode, String sectorLabel, String schemeCode, String schemeLabel, String amount,
		Integer peopleCount, ClueGrade grade, ClueState state, String handlerName, String handlerKey,
		Determination determination, String determinationNote, Determination disputedDetermination, String mergedInto,
		LocalDate dueOn, boolean overdue, boolean supervised, String supervisionLeader, String supervisionNote,
		String informantMasked, boolean hasInformant, boolean feedbackRequired, String feedback,
		OffsetDateTime closedAt, String createdBy, OffsetDateTime createdAt, int version, List<SubjectRef> subjects) {

	/** A linked subject of the ledger. */
	public record SubjectRef(long id, String name, String creditCode) {
	}

}
