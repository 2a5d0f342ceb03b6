package org.fangfei.app.monitoring;

import java.util.List;

/**
 * The fields a transfer is read from, with the header names banks use for them. The
 * standard CSV's English names come first; the Chinese ones are the synonyms a mapping is
 * guessed from.
 */
enum TransferField {

	TX_ID("流水号", false, "tx_id", "交易流水号", "流水号", "交易序号", "凭证号", "交易编号"),

	TIME("交易时间", true, "time", "交易时间", "交易日期时间", "记账时间", "时间"),

	DATE("交易日期(时间另列时)", false, "交易日期", "记账日期", "日期"),

	PAYER_ACCOUNT("付款账号", true, "payer_account", "付款账号", "付款人账号", "转出账号", "付款方账号", "付款账户"),

	PAYER_NAME("付款户名", false, "payer_name", "付款户名", "付款人户名", "付款人名称", "付款人", "转出户名", "付款方户名"),

	PAYEE_ACCOUNT("收款账号", true, "payee_account", "收款账号", "收款人账号", "转入账号", "收款方账号", "收款账户"),

	PAYEE_NAME("收款户名", false, "payee_name", "收款户名", "收款人户名", "收款人名称", "收款人", "转入户名", "收款方户名"),

	AMOUNT("金额(元)", true, "amount", "金额", "交易金额", "发生额", "金额(元)", "交易金额(元)"),

	CHANNEL("渠道", false, "channel", "渠道", "交易渠道", "交易方式"),

	MEMO("摘要/附言", false, "memo", "摘要", "附言", "用途", "备注", "交易摘要", "交易附言");

	private final String label;

	private final boolean required;

	private final List<String> names;

	TransferField(String label, boolean required, String... names) {
		this.label = label;
		this.required = required;
		this.names = List.of(names);
	}

	public String label() {
		return this.label;
	}

	public boolean required() {
		return this.required;
	}

	/** Header names that mean this field, compared after {@link #normalise}. */
	public List<String> names() {
		return this.names;
	}

	/** Header cells compare without spaces, full-width brackets or case. */
	static String normalise(String header) {
		return org.fangfei.app.shared.HeaderNames.normalise(header);
	}

}
