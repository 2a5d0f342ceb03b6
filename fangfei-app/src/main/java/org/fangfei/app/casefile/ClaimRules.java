package org.fangfei.app.casefile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;

/**
 * What a self-registered claim must carry (policy), as the courts' 集资参与人信息登记核实系统 ask: the
 * participant's name, ID number (GB 11643, checked by its check character) and mobile
 * phone; the amount put in and what already came back as "interest" (not more than was
 * put in); the bank account the refund goes to, with its bank and holder. An heir (继承人)
 * or agent (委托代理人) registers for the participant with their own name and ID number, their
 * relation, and at least one document showing their right (继承证明、授权委托书), since a refund
 * paid to the wrong person cannot be taken back.
 */
final class ClaimRules {

	static final int MAX_STATEMENT = 2000;

	/** A claim that passed: normalised, amounts in fen. */
	record Checked(String name, String idNumber, String phone, long invested, long received, String bankName,
			String accountHolder, String account, Claimant claimant, String claimantName, String claimantIdNumber,
			String relation, String statement) {
	}

	private ClaimRules() {
	}

	static Checked check(ClaimForm form, int documents) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(form.name(), "name", "姓名", 60, true, errors);
		String id = PersonalData.normaliseIdNumber(form.idNumber());
		if (id == null || id.isEmpty()) {
			errors.put("idNumber", "请填写身份证号");
		}
		else if (!PersonalData.isValidIdNumber(id)) {
			errors.put("idNumber", "身份证号不正确（请核对出生日期和最后一位校验码）");
		}
		String phone = PersonalData.normalisePhone(form.phone());
		if (phone == null || phone.isEmpty()) {
			errors.put("phone", "请填写手机号");
		}
		else if (!PersonalData.isValidPhone(phone)) {
			errors.put("phone", "手机号不正确");
		}
		Long invested = amount(form.invested(), "invested", "投入金额", errors);
		Long received = amount(form.received(), "received", "已收回金额", errors);
		if (invested == null && !errors.containsKey("invested")) {
			errors.put("invested", "请填写投入金额");
		}
		else if (invested != null && invested == 0) {
			errors.put("invested", "投入金额须大于0");
		}
		if (invested != null && received != null && received > invested) {
			errors.put("received", "已收回金额不能大于投入金额");
		}
		String bank = text(form.bankName(), "bankName", "开户银行", 60, true, errors);
		String holder = text(form.accountHolder(), "accountHolder", "账户户名", 60, true, errors);
		String account = form.account() == null ? "" : form.account().replaceAll("[\\s\\u3000-]", "");
		if (account.isEmpty()) {
			errors.put("account", "请填写收款账号");
		}
		else if (!account.matches("[0-9]{8,30}")) {
			errors.put("account", "收款账号应为8至30位数字");
		}
		Claimant claimant = form.claimant() == null ? Claimant.SELF : form.claimant();
		String claimantName = null;
		String claimantId = null;
		String relation = null;
		if (claimant != Claimant.SELF) {
			claimantName = text(form.claimantName(), "claimantName", claimant.label() + "姓名", 60, true, errors);
			claimantId = PersonalData.normaliseIdNumber(form.claimantIdNumber());
			if (claimantId == null || claimantId.isEmpty()) {
				errors.put("claimantIdNumber", "请填写" + claimant.label() + "身份证号");
			}
			else if (!PersonalData.isValidIdNumber(claimantId)) {
				errors.put("claimantIdNumber", claimant.label() + "身份证号不正确（请核对出生日期和最后一位校验码）");
			}
			relation = text(form.relation(), "relation", "与参与人的关系", 60, true, errors);
			if (documents == 0) {
				errors.put("files", claimant == Claimant.HEIR ? "继承人登记须上传继承证明（如公证书、亲属关系证明）的照片" : "代理人登记须上传授权委托书的照片");
			}
		}
		String statement = text(form.statement(), "statement", "情况说明", MAX_STATEMENT, false, errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return new Checked(name, id, phone, invested, received == null ? 0 : received, bank, holder, account, claimant,
				claimantName, claimantId, relation, statement);
	}

	/** The account as shown: its last four digits only. */
	static String maskAccount(String account) {
		return "****" + account.substring(account.length() - 4);
	}

	private static String text(String value, String field, String label, int max, boolean required,
			Map<String, String> errors) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			if (required) {
				errors.put(field, "请填写" + label);
			}
			return null;
		}
		if (v.length() > max) {
			errors.put(field, label + "不能超过" + max + "字");
		}
		return v;
	}

	private static Long amount(String text, String field, String label, Map<String, String> errors) {
		try {
			return Money.fen(text, field, label);
		}
		catch (Rejected ex) {
			errors.put(field, ex.getMessage());
			return null;
		}
	}

}
