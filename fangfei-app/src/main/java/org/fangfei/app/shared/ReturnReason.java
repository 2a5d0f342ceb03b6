package org.fangfei.app.shared;

import java.util.Map;

/**
 * The reasons a reviewer gives when returning something to the unit that sent it (退回原因: a
 * township's monthly ledger, a community's self-assessment): the one check every return
 * makes, so that each refuses a missing or overlong reason with the same words, beside
 * the form's {@value #FIELD} field.
 */
public final class ReturnReason {

	/** The form field that carries the reason. */
	public static final String FIELD = "reason";

	/** At most this many characters, as the forms' {@code maxlength}. */
	public static final int MAX = 1000;

	private ReturnReason() {
	}

	/**
	 * The reason without surrounding blanks.
	 * @throws Rejected when it is missing or longer than {@value #MAX} characters
	 */
	public static String required(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new Rejected("请填写退回原因", Map.of(FIELD, "请填写退回原因"));
		}
		String text = reason.strip();
		if (text.length() > MAX) {
			throw new Rejected("退回原因不能超过 " + MAX + " 个字", Map.of(FIELD, "退回原因不能超过 " + MAX + " 个字"));
		}
		return text;
	}

}
