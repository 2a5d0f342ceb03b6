package org.fangfei.app.enquiry;

import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.AccessDeniedException;

/**
 * 条例 art. 21: an enquiry into, or a freeze of, bank accounts needs the approval of the
 * office head (处非办主任). Holding the permission is not enough — an administrator who
 * granted it to another role still could not approve — the approver must hold the office
 * head's role too; and nobody approves what they drafted themselves.
 */
final class ApprovalNeedsOfficeHead {

	static final String APPROVE = "enquiry:enquiry:approve";

	static final String ROLE = "OFFICE_HEAD";

	private ApprovalNeedsOfficeHead() {
	}

	static void check(Actor actor, String draftedBy, boolean approve, String note) {
		if (!actor.hasRole(ROLE) || !actor.can(APPROVE)) {
			throw new AccessDeniedException("资金查询和冻结须经处非办负责人批准(条例第二十一条)");
		}
		if (actor.username().equals(draftedBy)) {
			throw new Rejected("不能审批本人拟制的查询或冻结");
		}
		if (!approve && (note == null || note.isBlank())) {
			throw new Rejected("不予批准须说明理由", Map.of("note", "不予批准须说明理由"));
		}
		if (note != null && note.strip().length() > 500) {
			throw new Rejected("审批意见不能超过500字", Map.of("note", "审批意见不能超过500字"));
		}
	}

}
