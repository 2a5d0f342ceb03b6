package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A warning as the pages show it. */
record WarningRecord(long id, long subjectId, String subjectName, String regionCode, String regionName, Tier tier,
		int score, String reasons, OffsetDateTime raisedAt, LocalDate dueOn, String status, OffsetDateTime escalatedAt,
		String checked, String done, Tier proposedTier, LocalDate visitedOn, String visitNote, String answeredBy,
		OffsetDateTime answeredAt) {

	public boolean open() {
		return "OPEN".equals(this.status);
	}

	public boolean overdue(LocalDate today) {
		return open() && this.dueOn.isBefore(today);
	}

	public String statusLabel() {
		return open() ? "待反馈" : "已反馈";
	}

}
