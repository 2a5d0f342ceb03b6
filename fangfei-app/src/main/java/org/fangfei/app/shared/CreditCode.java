package org.fangfei.app.shared;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-character set without I, O, Z, S
 * and V; characters 3 to 8 are the registering authority's region code; the last is a
 * check character, 31 minus the weighted sum (weights 3^i mod 31) modulo 31.
 */
public final class CreditCode {

	private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Upper case, without spaces; null stays null. */
	public static String normalise(String raw) {
		return raw == null ? null : raw.replaceAll("\\s", "").toUpperCase();
	}

	public static boolean isValid(String code) {
		if (code == null || code.length() != 18 || !code.substring(2, 8).matches("[0-9]{6}")) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return code.charAt(17) == checkCharacter(code.substring(0, 17));
	}

	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check);
	}

}
