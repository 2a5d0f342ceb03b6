package org.fangfei.app.shared;

/**
 * Makes text from a request safe to put into one log line: line breaks, NUL and other
 * control characters are written as escapes ({@code \n}, {@code \r}, {@code \0},
 * {@code \}{@code u001b}), so that no input can start a forged log line, and long text is
 * cut.
 */
public final class LogText {

	/** Longest text kept, in characters; a longer one ends with "…". */
	static final int MAX_LENGTH = 300;

	private LogText() {
	}

	public static String oneLine(Object value) {
		if (value == null) {
			return "";
		}
		String text = String.valueOf(value);
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 8);
		int i = 0;
		for (; i < text.length() && out.length() < MAX_LENGTH; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\0' -> out.append("\\0");
				case '\\' -> out.append("\\\\");
				default -> {
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		if (i < text.length()) {
			out.append('…');
		}
		return out.toString();
	}

}
