package org.fangfei.detect;

/**
 * The fund-flow patterns the detector raises alerts for (资金异动模式). The names are written
 * into the alerts CSV and the truth files; other tools depend on them, so they never
 * change.
 */
public enum Pattern {

	/**
	 * 分散转入集中转出: many payers in a window, then a few large outflows carry the money away.
	 */
	SCATTER_IN_GATHER_OUT("分散转入集中转出"),

	/**
	 * 定期批量小额转出: regular batches of small payouts, mostly to earlier payers ("interest").
	 */
	PERIODIC_BATCH_PAYOUT("定期批量小额转出"),

	/** 新增交易对手激增: new distinct payers far beyond the account's own baseline. */
	COUNTERPARTY_SURGE("新增交易对手激增"),

	/** 集资类附言: fundraising words (投资, 理财, 分红 …) on inflows from many payers. */
	FUNDRAISING_MEMO("集资类附言"),

	/**
	 * 向出资人返本付息: many new payers of large sums, and small "interest" or "rebates" paid
	 * back to them while new ones keep paying in.
	 */
	INVESTOR_PAYBACK("向出资人返本付息"),

	/**
	 * 吸收资金后集中转出: many new payers of large sums, and their money carried on to accounts
	 * that never paid in (controllers, a paying account, a related company).
	 */
	COLLECT_AND_TRANSFER("吸收资金后集中转出");

	private final String label;

	Pattern(String label) {
		this.label = label;
	}

	/** The Chinese name a clerk reads. */
	public String label() {
		return this.label;
	}

}
