package org.fangfei.app.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit log as read back.
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String actorIp, String action,
		String targetType, String targetId, String summary, String before, String after, AuditLog.Outcome outcome) {

	/** The action in Chinese. */
	public String actionLabel() {
		return AuditLabels.action(this.action);
	}

	/** What the entry is about, in Chinese, with its id. */
	public String targetLabel() {
		return this.targetType == null ? ""
				: AuditLabels.target(this.targetType) + " " + (this.targetId == null ? "" : this.targetId);
	}

	/** Before and after, field by field (字段 / 修改前 / 修改后). */
	public java.util.List<AuditChanges.Row> changes() {
		return AuditChanges.of(this.before, this.after);
	}

}
