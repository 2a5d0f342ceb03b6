package org.fangfei.app.subject;

/**
 * Filters of the subject ledger; every field is optional. {@code text} matches part of
 * the name, or a whole credit code exactly; {@code regionCode} narrows to a region within
 * the caller's scope.
 */
public record SubjectQuery(String text, SubjectKind kind, SubjectStatus status, RiskLevel riskLevel, String sectorCode,
		String regionCode, Long buildingId, Boolean flagged) {

	public static SubjectQuery all() {
		return new SubjectQuery(null, null, null, null, null, null, null, null);
	}

}
