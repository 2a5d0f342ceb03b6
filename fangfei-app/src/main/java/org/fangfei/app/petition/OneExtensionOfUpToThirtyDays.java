package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * 信访工作条例 art. 35: 情况复杂的，经本行政机关负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由. A petition being
 * handled is extended once, by 1 to 30 working days, with the reason the petitioner is
 * told, and only while its deadline has not passed.
 */
final class OneExtensionOfUpToThirtyDays {

	static final int MAX_DAYS = 30;

	private OneExtensionOfUpToThirtyDays() {
	}

	static void check(PetitionStatus status, Integer extendedBefore, LocalDate finishDueOn, Integer days, String reason,
			LocalDate today) {
		if (status != PetitionStatus.ACCEPTED) {
			throw new Rejected("只有办理中的信访件才能延期（当前：" + status.label() + "）");
		}
		if (extendedBefore != null) {
			throw new Rejected("该信访件已延期 " + extendedBefore + " 个工作日，办理期限只能延长一次");
		}
		if (finishDueOn != null && today.isAfter(finishDueOn)) {
			throw new Rejected("办理期限 " + finishDueOn + " 已过，不能再延期");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (days == null) {
			errors.put("days", "请填写延长的工作日数");
		}
		else if (days < 1 || days > MAX_DAYS) {
			errors.put("days", "延长期限应为 1 至 " + MAX_DAYS + " 个工作日");
		}
		if (reason == null || reason.isBlank()) {
			errors.put("reason", "请填写延期理由（将告知信访人）");
		}
		else if (reason.strip().length() > 500) {
			errors.put("reason", "延期理由不能超过500字");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
	}

}
