package org.fangfei.app.credit;

import java.time.LocalDate;

import org.fangfei.app.subject.SubjectKind;

/**
 * One entry of the credit list as staff see it: the ID number masked only.
 */
public record CreditRow(long id, long subjectId, SubjectKind subjectKind, String subjectName, String creditCode,
		String idNumberMasked, String regionCode, String regionName, BasisKind basisKind, String source, long sourceId,
		String sourceCode, String sourceTitle, String basisDoc, String basisUnit, LocalDate basisOn, int periodYears,
		LocalDate expiresOn, EntryStatus status, LocalDate endedOn, String endedNote, int version) {

	/** The page of the case or clue the basis was recorded on; none for demo data. */
	public String sourceLink() {
		return switch (this.source) {
			case "CASE" -> "/cases/" + this.sourceId;
			case "CLUE" -> "/clues/" + this.sourceId;
			default -> null;
		};
	}

	/** 案件, 线索 or 演示数据. */
	public String sourceLabel() {
		return switch (this.source) {
			case "CASE" -> "案件";
			case "CLUE" -> "线索";
			default -> "演示数据";
		};
	}

	public boolean listed() {
		return this.status == EntryStatus.LISTED;
	}

	/** An enterprise, as the public list may show it (never a person). */
	public boolean enterprise() {
		return this.subjectKind == SubjectKind.ENTERPRISE;
	}

}
