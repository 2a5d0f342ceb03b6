package org.fangfei.app.audit;

import java.time.OffsetDateTime;

/**
 * Filters of the audit log page; every field is optional.
 */
public record AuditQuery(String actor, String action, AuditLog.Outcome outcome, OffsetDateTime from,
		OffsetDateTime to) {
}
