package org.fangfei.app.shared;

/**
 * Validation, normalisation and masking of mainland mobile phone numbers and 公民身份号码 (GB
 * 11643).
 */
public final class PersonalData {

	// compiled once: a register import checks hundreds of thousands of rows
	private static final java.util.regex.Pattern SPACES_AND_DASHES = java.util.regex.Pattern.compile("[\\s-]");

	private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9][0-9]{9}");

	private static final java.util.regex.Pattern LANDLINE = java.util.regex.Pattern.compile("0[1-9][0-9]{8,10}");

	private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern.compile("[0-9]{17}[0-9X]");

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private PersonalData() {
	}

	/**
	 * Strips spaces, dashes and a leading +86; returns the input unchanged when nothing
	 * applies.
	 */
	public static String normalisePhone(String raw) {
		if (raw == null) {
			return null;
		}
		String s = SPACES_AND_DASHES.matcher(raw).replaceAll("");
		if (s.startsWith("+86")) {
			s = s.substring(3);
		}
		return s;
	}

	/**
	 * A mainland mobile number (11 digits starting 1[3-9]) or a landline with area code
	 * (0xxx-xxxxxxx).
	 */
	public static boolean isValidPhone(String normalised) {
		return normalised != null && (MOBILE.matcher(normalised).matches() || LANDLINE.matcher(normalised).matches());
	}

	public static String maskPhone(String normalised) {
		if (normalised == null || normalised.length() < 7) {
			return normalised == null ? null : "****";
		}
		return normalised.substring(0, 3) + "****" + normalised.substring(normalised.length() - 4);
	}

	public static String normaliseIdNumber(String raw) {
		return raw == null ? null : raw.trim().toUpperCase();
	}

	/**
	 * 18 characters, a plausible birth date and the ISO 7064 MOD 11-2 check character of
	 * GB 11643.
	 */
	public static boolean isValidIdNumber(String normalised) {
		if (normalised == null || !ID_NUMBER.matcher(normalised).matches()) {
			return false;
		}
		try {
			java.time.LocalDate.parse(normalised.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
		return normalised.charAt(17) == idCheckCharacter(normalised.substring(0, 17));
	}

	public static char idCheckCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK[sum % 11];
	}

	public static String maskIdNumber(String normalised) {
		if (normalised == null) {
			return null;
		}
		return normalised.substring(0, Math.min(6, normalised.length())) + "********"
				+ normalised.substring(Math.max(normalised.length() - 4, 0));
	}

	/**
	 * A bank account or card number as screens show it: the first four and the last four
	 * characters (the bank and the number a holder recognises), the rest hidden; a short
	 * number keeps its first two only.
	 */
	public static String maskAccount(String normalised) {
		if (normalised == null) {
			return null;
		}
		if (normalised.length() <= 8) {
			return normalised.substring(0, Math.min(2, normalised.length())) + "****";
		}
		return normalised.substring(0, 4) + " **** " + normalised.substring(normalised.length() - 4);
	}

}
