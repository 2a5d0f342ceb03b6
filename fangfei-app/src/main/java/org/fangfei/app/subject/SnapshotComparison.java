package org.fangfei.app.subject;

import java.util.List;

/**
 * Two months of the 动态管理台账 side by side, within the caller's scope: counts by status,
 * risk level and sector, and the subjects added (new, or moved into the scope), removed
 * (gone, or moved out) and changed (status or risk level) from the earlier month to the
 * later.
 *
 * @param from the earlier month, YYYY-MM
 * @param to the later month
 */
public record SnapshotComparison(String from, String to, List<Count> byStatus, List<Count> byRiskLevel,
		List<Count> bySector, List<Entry> added, List<Entry> removed, List<Change> changed) {

	/** How many subjects had one status, risk level or sector in each month. */
	public record Count(String code, String label, long from, long to) {

		public long difference() {
			return this.to - this.from;
		}

	}

	/** One subject as a month's ledger recorded it. */
	public record Entry(long subjectId, String name, SubjectKind kind, String regionCode, String regionName,
			String sectorCode, String sectorLabel, RiskLevel riskLevel, SubjectStatus status) {

		public String riskLabel() {
			return this.riskLevel == null ? "未定级" : this.riskLevel.label();
		}

	}

	/** A subject in both months whose status or risk level changed. */
	public record Change(Entry from, Entry to) {

		public boolean statusChanged() {
			return this.from.status() != this.to.status();
		}

		public boolean riskChanged() {
			return this.from.riskLevel() != this.to.riskLevel();
		}

	}

}
