package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.List;

/**
 * A recorded decision that lists its subjects: the kind of basis, where it was recorded
 * (a case or a clue, with its code and title), and the document, unit and date.
 */
record Listing(List<Long> subjectIds, BasisKind kind, String source, long sourceId, String sourceCode,
		String sourceTitle, String basisDoc, String basisUnit, LocalDate basisOn) {

	Listing {
		subjectIds = List.copyOf(subjectIds);
	}

}
