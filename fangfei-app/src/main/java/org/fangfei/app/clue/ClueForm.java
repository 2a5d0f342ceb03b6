package org.fangfei.app.clue;

import java.time.LocalDateTime;
import java.util.List;

import org.fangfei.app.subject.SubjectKind;

/**
 * What a clerk types, or another system sends, to register a clue (线索登记). The same checks
 * apply to both ({@link ClueRules}).
 *
 * @param source the channel
 * @param sourceDetail which line, outlet, unit or bank, e.g. "12345"
 * @param sourceRef the clue's id in the sending system; a repeat with the same source and
 * reference returns the clue already registered
 * @param receivedAt when it came in; defaults to now
 * @param title a one-line summary
 * @param description what was reported
 * @param regionCode where the matter is, 12 digits
 * @param sectorCode sector dictionary code, optional
 * @param schemeCode scheme dictionary code, optional
 * @param amount amount involved in yuan, optional
 * @param peopleCount people involved, optional
 * @param grade NORMAL or MAJOR; when empty it follows the figures
 * @param subjectIds subjects of the ledger it concerns
 * @param newSubjectName a subject to create in the ledger when it is not there yet
 * @param newSubjectKind that subject's kind
 * @param newSubjectCreditCode that subject's credit code, optional
 * @param informantName who reported it, if known (stored encrypted)
 * @param informantPhone their phone (stored encrypted, shown masked)
 * @param mergeInto the code of an open clue this one is merged into at once
 */
public record ClueForm(ClueSource source, String sourceDetail, String sourceRef, LocalDateTime receivedAt, String title,
		String description, String regionCode, String sectorCode, String schemeCode, String amount, Integer peopleCount,
		ClueGrade grade, List<Long> subjectIds, String newSubjectName, SubjectKind newSubjectKind,
		String newSubjectCreditCode, String informantName, String informantPhone, String mergeInto) {

	public static ClueForm blank() {
		return new ClueForm(null, "", "", null, "", "", "", "", "", "", null, null, List.of(), "", null, "", "", "",
				null);
	}

	public List<Long> subjectIds() {
		return this.subjectIds == null ? List.of() : this.subjectIds;
	}

}
