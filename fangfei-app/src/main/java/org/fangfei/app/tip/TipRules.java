package org.fangfei.app.tip;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PersonalData;

/**
 * The checks on a tip before anything is written, each with a message the reporter can
 * act on. Rewards need a real name and a phone: the office must be able to pay the right
 * person.
 */
final class TipRules {

	private TipRules() {
	}

	static Map<String, String> check(TipForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(form.subjectName())) {
			errors.put("subjectName", "请填写被举报的单位或个人");
		}
		else if (form.subjectName().strip().length() > 100) {
			errors.put("subjectName", "名称不能超过100字");
		}
		length(errors, "subjectAddress", form.subjectAddress(), 200, "地址");
		length(errors, "subjectBusiness", form.subjectBusiness(), 200, "经营内容");
		String what = form.whatHappened() == null ? "" : form.whatHappened().strip();
		if (what.length() < 10) {
			errors.put("whatHappened", "请写明发生了什么(至少10个字)");
		}
		else if (what.length() > 3000) {
			errors.put("whatHappened", "情况说明不能超过3000字");
		}
		if (!blank(form.amount())) {
			try {
				Money.parse(form.amount());
			}
			catch (Money.Unreadable ex) {
				errors.put("amount", "涉及金额" + ex.reason());
			}
		}
		if (!blank(form.peopleCount()) && people(form.peopleCount()) == null) {
			errors.put("peopleCount", "人数应为0到1000000之间的整数");
		}
		if (!form.anonymous()) {
			if (blank(form.reporterName())) {
				errors.put("reporterName", "实名举报请填写姓名");
			}
			else if (form.reporterName().strip().length() > 30) {
				errors.put("reporterName", "姓名不能超过30字");
			}
			if (blank(form.reporterPhone())
					|| !PersonalData.isValidPhone(PersonalData.normalisePhone(form.reporterPhone()))) {
				errors.put("reporterPhone", "实名举报请填写正确的手机号");
			}
			length(errors, "reporterContact", form.reporterContact(), 200, "其他联系方式");
		}
		else if (form.wantsReward()) {
			errors.put("wantsReward", "申请举报奖励须实名并留下手机号");
		}
		return errors;
	}

	static java.util.Optional<Long> amountFen(String yuan) {
		if (blank(yuan)) {
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(Money.parse(yuan).fen());
		}
		catch (Money.Unreadable ex) {
			return java.util.Optional.empty();
		}
	}

	static Integer people(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			int n = Integer.parseInt(text.strip());
			return n >= 0 && n <= 1_000_000 ? n : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static void length(Map<String, String> errors, String field, String value, int max, String label) {
		if (value != null && value.strip().length() > max) {
			errors.put(field, label + "不能超过" + max + "字");
		}
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
