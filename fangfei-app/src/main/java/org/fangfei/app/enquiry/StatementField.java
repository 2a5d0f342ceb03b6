package org.fangfei.app.enquiry;

import java.util.List;

/**
 * The fields of a per-account statement (对账单) with the header names banks use for them.
 * The amount is signed by one of three conventions: a debit/credit flag beside the amount
 * ({@link #DIRECTION}), separate debit and credit columns ({@link #DEBIT},
 * {@link #CREDIT}), or a signed amount alone.
 */
enum StatementField {

	SERIAL("交易流水号", "交易流水号", "流水号", "交易序号", "凭证号", "交易编号", "交易参考号", "流水号码"),

	TIME("交易时间", "交易时间", "交易日期时间", "记账时间", "入账时间", "时间"),

	DATE("交易日期(时间另列时)", "交易日期", "记账日期", "入账日期", "日期"),

	DIRECTION("借贷标志", "借贷标志", "借贷方向", "收付标志", "收支标志", "进出标志", "收付方向", "交易方向", "借贷", "收/付", "进/出", "借/贷"),

	AMOUNT("交易金额", "交易金额", "发生额", "金额", "交易金额(元)", "金额(元)"),

	DEBIT("借方发生额(支出)", "借方发生额", "借方金额", "支出金额", "付款金额", "支出", "转出金额"),

	CREDIT("贷方发生额(收入)", "贷方发生额", "贷方金额", "收入金额", "收款金额", "收入", "转入金额"),

	BALANCE("余额", "余额", "账户余额", "交易后余额", "联机余额"),

	COUNTER_ACCOUNT("对方账号", "对方账号", "对方卡号", "对手账号", "交易对手账号", "对方账户", "对方帐号", "对手方账号"),

	COUNTER_NAME("对方户名", "对方户名", "对方名称", "对手户名", "交易对手名称", "对方账户名称", "对手方户名"),

	COUNTER_BANK("对方开户行", "对方开户行", "对方行名", "对手开户行", "对方银行", "对方开户机构", "对方开户网点"),

	COUNTER_ID("对方证件号码", "对方证件号码", "对手证件号码", "对方身份证号"),

	MEMO("摘要", "摘要", "交易摘要", "用途", "附言", "备注", "交易附言"),

	CHANNEL("交易网点/渠道", "交易网点", "交易渠道", "渠道", "网点", "交易机构", "交易方式");

	private final String label;

	private final List<String> names;

	StatementField(String label, String... names) {
		this.label = label;
		this.names = List.of(names);
	}

	String label() {
		return this.label;
	}

	List<String> names() {
		return this.names;
	}

}
