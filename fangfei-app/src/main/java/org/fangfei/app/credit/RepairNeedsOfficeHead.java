package org.fangfei.app.credit;

import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.AccessDeniedException;

/**
 * 信用修复 (seed 003 art. 14; 失信主体信用修复): an application names its reason and the document
 * that proves it (履行完毕证明, 整改报告…); it is decided by the office head (处非办负责人), and never by
 * the person who applied, so no one removes an entry alone. A refusal says why.
 */
final class RepairNeedsOfficeHead {

	static final String APPROVE = "credit:repair:approve";

	private RepairNeedsOfficeHead() {
	}

	/** The application's own fields. */
	static void checkApplication(String reason, String docNumber) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (reason == null || reason.isBlank()) {
			errors.put("reason", "请填写修复理由");
		}
		else if (reason.strip().length() > 1000) {
			errors.put("reason", "修复理由不能超过1000字");
		}
		if (docNumber == null || docNumber.isBlank()) {
			errors.put("docNumber", "请填写证明材料的文书编号");
		}
		else if (docNumber.strip().length() > 100) {
			errors.put("docNumber", "文书编号不能超过100字");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
	}

	/** Whether {@code actor} may decide an application made by {@code appliedBy}. */
	static void checkDecision(Actor actor, String appliedBy, boolean approve, String note) {
		if (!actor.hasRole("OFFICE_HEAD") || !actor.can(APPROVE)) {
			throw new AccessDeniedException("信用修复须由处非办负责人审批");
		}
		if (actor.username().equals(appliedBy)) {
			throw new Rejected("不能审批本人提出的信用修复申请");
		}
		if (!approve && (note == null || note.isBlank())) {
			throw new Rejected("不予修复须说明理由", Map.of("note", "不予修复须说明理由"));
		}
		if (note != null && note.strip().length() > 500) {
			throw new Rejected("审批意见不能超过500字", Map.of("note", "审批意见不能超过500字"));
		}
	}

}
