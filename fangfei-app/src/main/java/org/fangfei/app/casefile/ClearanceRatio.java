package org.fangfei.app.casefile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 清退比例 (policy): what share of the accepted participants' net loss the assets recovered
 * so far can pay — realised assets ÷ accepted net loss, at most 100 %, rounded down to a
 * hundredth of a per cent so that the page never promises more than can be paid (枣庄 task
 * 19: 最大限度减少人民群众财产损失; the refund batches themselves are exact to the fen).
 */
final class ClearanceRatio {

	private ClearanceRatio() {
	}

	/** The ratio in per cent with two decimals, or "—" when no loss is accepted yet. */
	static String of(long realisedFen, long acceptedNetLossFen) {
		if (acceptedNetLossFen <= 0) {
			return "—";
		}
		if (realisedFen >= acceptedNetLossFen) {
			return "100.00%";
		}
		return BigDecimal.valueOf(Math.max(0, realisedFen))
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(acceptedNetLossFen), 2, RoundingMode.DOWN) + "%";
	}

}
