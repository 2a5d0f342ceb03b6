package org.fangfei.app.clue;

import java.math.BigDecimal;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * Amounts in fen (分) as {@code long}; shown and typed in yuan with at most two decimals.
 */
final class Money {

	/** One trillion yuan (一万亿元): larger figures are typing errors. */
	static final long MAX_FEN = 1_000_000_000_000_00L;

	private Money() {
	}

	static String yuan(Long fen) {
		return fen == null ? "" : BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/**
	 * Parses a yuan amount, or null when blank; refuses negatives, fractions of a fen and
	 * absurd sizes.
	 */
	static Long fen(String yuan, String field, String label) {
		if (yuan == null || yuan.isBlank()) {
			return null;
		}
		try {
			String digits = yuan.strip().replace(",", "");
			if (!digits.matches("[0-9.]+")) {
				// BigDecimal would also take signs and exponents such as 1e3
				throw new NumberFormatException();
			}
			BigDecimal value = new BigDecimal(digits);
			if (value.signum() < 0 || value.scale() > 2
					|| value.movePointRight(2).compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
				throw new NumberFormatException();
			}
			return value.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new Rejected(label + "应为不小于 0 的金额(元)，最多两位小数", Map.of(field, "应为金额(元)，最多两位小数"));
		}
	}

}
