package org.fangfei.app.evaluation;

import java.math.BigDecimal;

/**
 * One line of a scoring scheme: its stable key (manual scores are kept by it, so renaming
 * the indicator keeps them), its name (unique in the scheme), its weight in points, and
 * where its points come from — a statistical measure ({@code measure}, with its
 * {@code param}; divided by {@code denominator} for a rate in per cent) scored by
 * {@code rule}, or a manual score with evidence ({@code measure} null).
 *
 * @param label the indicator's name, e.g. 新发非法集资案件
 * @param weight its points out of 100
 * @param measure the measure's code, or null for a manual score
 * @param param the measure's parameter, or null
 * @param denominator the measure the value is divided by (a rate in per cent), or null
 * @param rule how the value becomes points (null for a manual score)
 * @param full the value at which full marks are given (AT_MOST, AT_LEAST)
 * @param zero the value at which no marks are given (AT_MOST, AT_LEAST)
 * @param per the points deducted per item (DEDUCT)
 * @param key the indicator's stable key within its scheme, given when the indicator is
 * added and kept through every rename; the manual scores refer to it. Indicators saved
 * before keys existed (and frozen results) have none: their key is their name, which is
 * what their manual scores were stored under (V103 wrote it into the stored schemes)
 */
public record Indicator(String label, int weight, String measure, String param, String denominator, Rule rule,
		BigDecimal full, BigDecimal zero, BigDecimal per, String key) {

	public Indicator {
		key = key == null || key.isBlank() ? label : key;
	}

	/** The same indicator under another key. */
	Indicator withKey(String key) {
		return new Indicator(this.label, this.weight, this.measure, this.param, this.denominator, this.rule, this.full,
				this.zero, this.per, key);
	}

	/** Whether the indicator is scored by hand. */
	public boolean manual() {
		return this.measure == null;
	}

	/** Whether the value is a rate: the measure over the denominator, in per cent. */
	public boolean rate() {
		return this.denominator != null;
	}

	/** The rule in words, e.g. 0件及以下满分，3件及以上0分，其间线性. */
	public String ruleText(String unit) {
		if (manual()) {
			return "人工评分(0-" + this.weight + "分，须附佐证)";
		}
		String u = rate() ? "%" : unit;
		return switch (this.rule) {
			case AT_MOST -> plain(this.full) + u + "及以下满分，" + plain(this.zero) + u + "及以上0分，其间按比例";
			case AT_LEAST -> plain(this.full) + u + "及以上满分，" + plain(this.zero) + u + "及以下0分，其间按比例";
			case DEDUCT -> "每" + unit + "扣" + plain(this.per) + "分，扣完为止";
		};
	}

	static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	/** A manual indicator. */
	static Indicator manual(String label, int weight) {
		return new Indicator(label, weight, null, null, null, null, null, null, null, null);
	}

	/** A measure scored by the rule between {@code full} and {@code zero}. */
	static Indicator linear(String label, int weight, String measure, String denominator, Rule rule, long full,
			long zero) {
		return new Indicator(label, weight, measure, null, denominator, rule, BigDecimal.valueOf(full),
				BigDecimal.valueOf(zero), null, null);
	}

	/**
	 * A rate in per cent, more is better: the measure narrowed by {@code param} over the
	 * denominator.
	 */
	static Indicator rate(String label, int weight, String measure, String param, String denominator, long full,
			long zero) {
		return new Indicator(label, weight, measure, param, denominator, Rule.AT_LEAST, BigDecimal.valueOf(full),
				BigDecimal.valueOf(zero), null, null);
	}

	/** A measure deducting {@code per} points per item. */
	static Indicator deduct(String label, int weight, String measure, long per) {
		return new Indicator(label, weight, measure, null, null, Rule.DEDUCT, null, null, BigDecimal.valueOf(per),
				null);
	}

}
