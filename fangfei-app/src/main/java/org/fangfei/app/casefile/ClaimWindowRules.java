package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * 登记窗口 (policy): a registration period the office announces for a case — the notice
 * participants read, a first day and a last day not in the past, at most a year long —
 * and at most one open at a time, so that a participant always knows which period counts.
 * The first window of a case is the registration; each later one is supplementary (补充登记),
 * in which a participant already registered adds to their claim.
 */
final class ClaimWindowRules {

	static final int MAX_DAYS = 366;

	private ClaimWindowRules() {
	}

	static void check(LocalDate opensOn, LocalDate closesOn, String notice, boolean anotherOpen, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (opensOn == null) {
			errors.put("opensOn", "请填写开始日期");
		}
		if (closesOn == null) {
			errors.put("closesOn", "请填写截止日期");
		}
		else if (closesOn.isBefore(today)) {
			errors.put("closesOn", "截止日期不能早于今天");
		}
		if (opensOn != null && closesOn != null) {
			if (closesOn.isBefore(opensOn)) {
				errors.put("closesOn", "截止日期不能早于开始日期");
			}
			else if (opensOn.plusDays(MAX_DAYS).isBefore(closesOn)) {
				errors.put("closesOn", "登记期限不能超过一年");
			}
		}
		if (notice == null || notice.isBlank()) {
			errors.put("notice", "请填写登记公告");
		}
		else if (notice.strip().length() > 2000) {
			errors.put("notice", "登记公告不能超过2000字");
		}
		if (anotherOpen) {
			errors.put("_", "本案已有未关闭的登记窗口，请先关闭后再开新的补充登记");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
	}

	/** Whether a window takes claims on {@code today}. */
	static boolean accepting(LocalDate opensOn, LocalDate closesOn, boolean closed, LocalDate today) {
		return !closed && !today.isBefore(opensOn) && !today.isAfter(closesOn);
	}

}
