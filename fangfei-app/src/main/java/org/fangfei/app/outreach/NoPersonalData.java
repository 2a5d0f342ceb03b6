package org.fangfei.app.outreach;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 典型案例 are published: a typical case must not carry personal data (seed 004 task 28, 以案释法
 * without naming anyone). Refused are ID numbers, mobile and bank card numbers, the names
 * of the case's subjects and their legal representatives, and the case's own title (which
 * names the company); the writer replaces them with 某公司, 张某 and the like.
 */
final class NoPersonalData {

	private static final Pattern ID_NUMBER = Pattern
		.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])");

	private static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

	private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9])");

	private NoPersonalData() {
	}

	/**
	 * Adds an error under {@code field} when {@code text} holds personal data.
	 * @param names the names that must not appear (subjects, legal representatives,
	 * title)
	 */
	static void check(String text, String field, String label, Collection<String> names, Map<String, String> errors) {
		if (text == null || text.isBlank() || errors.containsKey(field)) {
			return;
		}
		if (ID_NUMBER.matcher(text).find()) {
			errors.put(field, label + "中含有身份证号，请删除");
		}
		else if (PHONE.matcher(text).find()) {
			errors.put(field, label + "中含有手机号，请删除");
		}
		else if (CARD.matcher(text).find()) {
			errors.put(field, label + "中含有银行卡号，请删除");
		}
		else {
			for (String name : names) {
				if (name != null && name.strip().length() >= 2 && text.contains(name.strip())) {
					errors.put(field, label + "中含有涉案主体或人员的名称“" + name.strip() + "”，请改为“某公司”“张某”等");
					return;
				}
			}
		}
	}

}
