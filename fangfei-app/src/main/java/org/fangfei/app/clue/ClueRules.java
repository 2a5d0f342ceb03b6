package org.fangfei.app.clue;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

/**
 * The field checks of a clue at intake, all at once so the clerk sees every problem in
 * one go. Checks that need the database (region, sector, subjects) are in
 * {@link ClueIntake}.
 */
final class ClueRules {

	static final int TITLE_MAX = 200;

	static final int DESCRIPTION_MAX = 5000;

	/** How far back a received time may lie: one year. */
	static final int RECEIVED_MAX_AGE_DAYS = 366;

	private ClueRules() {
	}

	static Map<String, String> check(ClueForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.source() == null) {
			errors.put("source", "请选择线索来源");
		}
		blankOrTooLong(errors, "title", form.title(), TITLE_MAX, "标题");
		blankOrTooLong(errors, "description", form.description(), DESCRIPTION_MAX, "线索内容");
		tooLong(errors, "sourceDetail", form.sourceDetail(), 100, "来源说明");
		tooLong(errors, "sourceRef", form.sourceRef(), 100, "来源编号");
		if (form.regionCode() == null || !Regions12.isValid(form.regionCode())) {
			errors.put("regionCode", "请选择所在区划(12位区划代码)");
		}
		receivedAt(errors, form.receivedAt(), Times.now().toLocalDateTime());
		if (form.peopleCount() != null && (form.peopleCount() < 0 || form.peopleCount() > 10_000_000)) {
			errors.put("peopleCount", "涉及人数应为 0–10000000");
		}
		try {
			Money.fen(form.amount(), "amount", "涉及金额");
		}
		catch (Rejected ex) {
			errors.putAll(ex.fieldErrors());
		}
		if (form.newSubjectName() != null && !form.newSubjectName().isBlank()) {
			tooLong(errors, "newSubjectName", form.newSubjectName(), 200, "新主体名称");
			if (form.newSubjectKind() == null) {
				errors.put("newSubjectKind", "请选择新主体的类型");
			}
			String code = form.newSubjectCreditCode();
			if (code != null && !code.isBlank() && !CreditCode.isValid(code.strip().toUpperCase())) {
				errors.put("newSubjectCreditCode", "统一社会信用代码不正确");
			}
		}
		tooLong(errors, "informantName", form.informantName(), 50, "提供人姓名");
		if (form.informantPhone() != null && !form.informantPhone().isBlank()
				&& !PersonalData.isValidPhone(PersonalData.normalisePhone(form.informantPhone()))) {
			errors.put("informantPhone", "联系电话格式不正确");
		}
		return errors;
	}

	/**
	 * The time a clue was received, from which its first deadline counts: not in the
	 * future (five minutes of clock difference allowed), and not more than
	 * {@link #RECEIVED_MAX_AGE_DAYS} days back — a clue handed over that late is
	 * registered with the day it reached the office, and an older date is almost always a
	 * mistyped year (2001 for 2026).
	 */
	static void receivedAt(Map<String, String> errors, LocalDateTime received, LocalDateTime now) {
		if (received == null) {
			return;
		}
		if (received.isAfter(now.plusMinutes(5))) {
			errors.put("receivedAt", "接收时间不能晚于现在");
		}
		else if (received.isBefore(now.minusDays(RECEIVED_MAX_AGE_DAYS))) {
			errors.put("receivedAt",
					"接收时间不能早于一年前(" + now.toLocalDate().minusDays(RECEIVED_MAX_AGE_DAYS) + ")，请核对年份；办理时限从接收时间起算");
		}
	}

	private static void blankOrTooLong(Map<String, String> errors, String field, String value, int max, String label) {
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + label);
		}
		else {
			tooLong(errors, field, value, max, label);
		}
	}

	private static void tooLong(Map<String, String> errors, String field, String value, int max, String label) {
		if (value != null && value.strip().length() > max) {
			errors.put(field, label + "不能超过 " + max + " 字");
		}
	}

}
