package org.fangfei.detect.screen;

/**
 * What a dictionary term stands for. Signals add points; yield words make the number
 * after them a yield; a negation cancels a guarantee right after it; contexts keep a
 * share of the score (anti-fraud publicity, legal disclaimers, licensed institutions'
 * ads).
 */
public enum Category {

	GUARANTEE("保本承诺", Kind.SIGNAL, 0), EQUITY("原始股", Kind.SIGNAL, 0), PENSION("养老", Kind.SIGNAL, 0),
	CRYPTO("虚拟货币", Kind.SIGNAL, 0), REBATE("消费返利", Kind.SIGNAL, 0), RECRUIT("拉人头", Kind.SIGNAL, 0),
	PROJECT("虚构项目", Kind.SIGNAL, 0), SOLICIT("招揽", Kind.SIGNAL, 0), YEAR("年化", Kind.YIELD, 1),
	MONTH("月息", Kind.YIELD, 12), DAY("日息", Kind.YIELD, 365), NEGATION("否定", Kind.NEGATION, 0),
	ANTI_FRAUD("反诈宣传", Kind.CONTEXT, 0), DISCLAIMER("免责声明", Kind.CONTEXT, 0), LICENSED("持牌机构", Kind.CONTEXT, 0);

	/** How a category acts on the score. */
	public enum Kind {

		SIGNAL, YIELD, NEGATION, CONTEXT

	}

	private final String label;

	private final Kind kind;

	private final int periodsPerYear;

	Category(String label, Kind kind, int periodsPerYear) {
		this.label = label;
		this.kind = kind;
		this.periodsPerYear = periodsPerYear;
	}

	/** The name used in the dictionary file and in explanations. */
	public String label() {
		return this.label;
	}

	public Kind kind() {
		return this.kind;
	}

	/** For yield words: how many of their periods make a year (月息: 12). */
	int periodsPerYear() {
		return this.periodsPerYear;
	}

	/** The category named {@code label} in the dictionary, or null. */
	public static Category byLabel(String label) {
		for (Category c : values()) {
			if (c.label.equals(label)) {
				return c;
			}
		}
		return null;
	}

}
