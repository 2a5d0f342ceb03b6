package org.fangfei.app.enquiry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

/**
 * A drafted enquiry or freeze: the matter it serves (a case or a clue), the bank, the
 * accounts (one per line: number and holder), the period for an enquiry, the amount and
 * expiry for a freeze, and why.
 *
 * @param accounts one account a line, {@code 账号 户名} (space, comma or tab between)
 */
record EnquiryForm(String kind, String matterKind, Long matterId, String bank, LocalDate periodFrom, LocalDate periodTo,
		String reason, String freezeAmount, LocalDate freezeUntil, String accounts) {

	/** Most accounts in one enquiry. */
	static final int MAX_ACCOUNTS = 50;

	/** One account named by the enquiry. */
	record AccountLine(String number, String holder) {
	}

	/** The checked accounts; refused with every problem at once. */
	List<AccountLine> check(LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!"ENQUIRY".equals(this.kind) && !"FREEZE".equals(this.kind)) {
			errors.put("kind", "请选择查询或冻结");
		}
		if (!"CASE".equals(this.matterKind) && !"CLUE".equals(this.matterKind) || this.matterId == null) {
			errors.put("matterId", "请选择所属案件或线索");
		}
		if (this.bank == null || this.bank.isBlank()) {
			errors.put("bank", "请填写银行");
		}
		else if (this.bank.strip().length() > 100) {
			errors.put("bank", "银行名称不能超过100字");
		}
		if (this.reason == null || this.reason.isBlank()) {
			errors.put("reason", "请填写查询或冻结的事由");
		}
		else if (this.reason.strip().length() > 1000) {
			errors.put("reason", "事由不能超过1000字");
		}
		if ("ENQUIRY".equals(this.kind)) {
			if (this.periodFrom == null || this.periodTo == null) {
				errors.put("periodFrom", "请填写查询期间");
			}
			else if (this.periodFrom.isAfter(this.periodTo)) {
				errors.put("periodFrom", "查询期间的开始日期晚于结束日期");
			}
		}
		if ("FREEZE".equals(this.kind)) {
			try {
				Long fen = Money.fen(this.freezeAmount, "freezeAmount", "冻结金额");
				if (fen == null || fen == 0) {
					errors.put("freezeAmount", "请填写冻结金额");
				}
			}
			catch (Rejected ex) {
				errors.putAll(ex.fieldErrors());
			}
			if (this.freezeUntil == null) {
				errors.put("freezeUntil", "请填写冻结期限");
			}
			else if (!this.freezeUntil.isAfter(today)) {
				errors.put("freezeUntil", "冻结期限应晚于今天");
			}
		}
		List<AccountLine> lines = accountLines(errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return lines;
	}

	private List<AccountLine> accountLines(Map<String, String> errors) {
		List<AccountLine> lines = new ArrayList<>();
		String text = this.accounts == null ? "" : this.accounts;
		int n = 0;
		for (String raw : text.split("\\R")) {
			n++;
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("[\\s,，\\t]+", 2);
			String number = StatementReader.normaliseAccount(parts[0]);
			if (!number.matches("[0-9A-Za-z]{6,40}")) {
				errors.put("accounts", "账户第 " + n + " 行的账号“" + parts[0] + "”无效，应为6至40位数字或字母");
				return lines;
			}
			String holder = parts.length > 1 ? parts[1].strip() : "";
			if (holder.isEmpty() || holder.length() > 200) {
				errors.put("accounts", "账户第 " + n + " 行请在账号后写明户名(200字以内)");
				return lines;
			}
			lines.add(new AccountLine(number, holder));
		}
		if (lines.isEmpty()) {
			errors.put("accounts", "请至少填写一个账户(每行：账号 户名)");
		}
		else if (lines.size() > MAX_ACCOUNTS) {
			errors.put("accounts", "一次最多查询 " + MAX_ACCOUNTS + " 个账户");
		}
		return lines;
	}

	Long freezeFen() {
		return "FREEZE".equals(this.kind) ? Money.fen(this.freezeAmount, "freezeAmount", "冻结金额") : null;
	}

}
