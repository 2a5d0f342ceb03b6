package org.fangfei.app.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an indicator's value becomes points, out of its weight.
 */
public enum Rule {

	/**
	 * The fewer the better (新发案件、参与人数): full marks at or below {@code full}, none at or
	 * above {@code zero}, linear between.
	 */
	AT_MOST("越少越好(线性)"),
	/**
	 * The more the better (巡查、宣传、知晓率): full marks at or above {@code full}, none at or
	 * below {@code zero}, linear between.
	 */
	AT_LEAST("越多越好(线性)"),
	/** Deduct {@code per} points for each item counted, down to zero (扣分制, capped). */
	DEDUCT("按项扣分");

	private final String label;

	Rule(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The points for {@code value}, out of {@code weight}, to two decimals. */
	BigDecimal points(BigDecimal value, int weight, BigDecimal full, BigDecimal zero, BigDecimal per) {
		BigDecimal w = BigDecimal.valueOf(weight);
		BigDecimal points = switch (this) {
			case AT_MOST -> value.compareTo(full) <= 0 ? w : value.compareTo(zero) >= 0 ? BigDecimal.ZERO
					: w.multiply(zero.subtract(value)).divide(zero.subtract(full), 4, RoundingMode.HALF_UP);
			case AT_LEAST -> value.compareTo(full) >= 0 ? w : value.compareTo(zero) <= 0 ? BigDecimal.ZERO
					: w.multiply(value.subtract(zero)).divide(full.subtract(zero), 4, RoundingMode.HALF_UP);
			case DEDUCT -> w.subtract(per.multiply(value)).max(BigDecimal.ZERO);
		};
		return points.setScale(2, RoundingMode.HALF_UP);
	}

}
