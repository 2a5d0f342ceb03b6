package org.fangfei.app.shared;

/**
 * Arithmetic on 12-digit 统计用区划代码: 2 digits province, 2 city, 2 county, 3 township, 3
 * village.
 */
public final class Regions12 {

	private Regions12() {
	}

	public static boolean isValid(String code) {
		return code != null && code.matches("[0-9]{12}") && !code.startsWith("00");
	}

	/** Number of significant digits: 2, 4, 6, 9 or 12. */
	public static int significantLength(String code) {
		if (code.endsWith("0000000000")) {
			return 2;
		}
		if (code.endsWith("00000000")) {
			return 4;
		}
		if (code.endsWith("000000")) {
			return 6;
		}
		if (code.endsWith("000")) {
			return 9;
		}
		return 12;
	}

	public static String prefixOf(String code) {
		if (!isValid(code)) {
			throw new IllegalArgumentException("Not a 12-digit region code: " + code);
		}
		return code.substring(0, significantLength(code));
	}

	/** The code of the level above, by the code's own structure; null for a province. */
	public static String structuralParent(String code) {
		int len = significantLength(code);
		return switch (len) {
			case 2 -> null;
			case 4 -> code.substring(0, 2) + "0000000000";
			case 6 -> code.substring(0, 4) + "00000000";
			case 9 -> code.substring(0, 6) + "000000";
			default -> code.substring(0, 9) + "000";
		};
	}

}
