package org.fangfei.app.tip;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * 查询码: 80 random bits written as 16 Crockford base32 characters in groups of four
 * ({@code 7K3M-Q9XD-2HTB-W5NE}) — easy to read aloud, no I, L, O or U. Shown to the
 * reporter once; only a keyed hash is stored.
 */
final class TrackingCode {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCode() {
	}

	/** A fresh code, formatted for showing. */
	static String generate() {
		byte[] bytes = new byte[10];
		RANDOM.nextBytes(bytes);
		StringBuilder out = new StringBuilder(19);
		int buffer = 0;
		int bits = 0;
		int written = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				if (written > 0 && written % 4 == 0) {
					out.append('-');
				}
				out.append(ALPHABET.charAt((buffer >> bits) & 31));
				written++;
			}
		}
		return out.toString();
	}

	/**
	 * The 16 significant characters of what someone typed or read aloud: case, spaces and
	 * dashes ignored, I and L read as 1, O as 0; null when it cannot be a code.
	 */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(16);
		for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || c == ' ' || c == '\u3000') {
				continue;
			}
			char mapped = switch (c) {
				case 'I', 'L' -> '1';
				case 'O' -> '0';
				default -> c;
			};
			if (ALPHABET.indexOf(mapped) < 0) {
				return null;
			}
			out.append(mapped);
		}
		return out.length() == 16 ? out.toString() : null;
	}

}
