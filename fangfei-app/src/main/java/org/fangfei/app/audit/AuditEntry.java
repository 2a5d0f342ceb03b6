package org.fangfei.app.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit log as read back.
 */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String actorIp, String action,
		String targetType, String targetId, String summary, String before, String after, AuditLog.Outcome outcome) {
}
