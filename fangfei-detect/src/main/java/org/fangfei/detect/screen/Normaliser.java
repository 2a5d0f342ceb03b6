package org.fangfei.detect.screen;

import java.util.List;

/**
 * How a character is read when matching: one table of 65,536 entries. Traditional
 * characters become simplified (the table {@code traditional-to-simplified.txt} was
 * generated from ICU's {@code Hant-Hans} transliterator, see {@code docs/detector.md}),
 * full-width letters and digits half-width, letters lower case, a variant or homophone
 * the character the dictionary names; anything that is not a letter or digit — spaces,
 * symbols, punctuation, emoji — reads as nothing ({@code 0}), so {@code 保 本★保 息} reads as
 * {@code 保本保息}. {@code %} and {@code ‰} are kept for yields, and a point between digits.
 */
final class Normaliser {

	private static final String T2S = ScreenDictionary.resource("traditional-to-simplified.txt");

	static final Normaliser DEFAULT = new Normaliser(List.of());

	final char[] map = new char[65536];

	Normaliser(List<ScreenDictionary.Fold> folds) {
		for (int c = 0; c < 65536; c++) {
			this.map[c] = base((char) c);
		}
		for (int i = 0; i + 1 < T2S.length(); i += 2) {
			this.map[T2S.charAt(i)] = T2S.charAt(i + 1);
		}
		for (ScreenDictionary.Fold fold : folds) {
			char to = this.map[fold.canonical()];
			for (int k = 0; k < fold.chars().length(); k++) {
				char from = fold.chars().charAt(k);
				for (int c = 0; c < 65536; c++) {
					if (this.map[c] == from) {
						this.map[c] = to;
					}
				}
				this.map[from] = to;
			}
		}
	}

	private static char base(char c) {
		if (c >= '\uFF01' && c <= '\uFF5E') {
			c = (char) (c - 0xFEE0);
		}
		if (c >= 'A' && c <= 'Z') {
			return (char) (c + 32);
		}
		if (c == '%' || c == '‰' || c == '.') {
			return c;
		}
		if (Character.isSurrogate(c) || !Character.isLetterOrDigit(c)) {
			return 0;
		}
		return c;
	}

	/** The text as matching reads it (points kept only between digits). */
	String normalise(CharSequence s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char m = this.map[s.charAt(i)];
			if (m == '.') {
				if (!digitAround(s, i)) {
					continue;
				}
			}
			if (m != 0) {
				out.append(m);
			}
		}
		return out.toString();
	}

	static boolean digitAround(CharSequence s, int i) {
		return i > 0 && i + 1 < s.length() && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1));
	}

	private static boolean isDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19');
	}

}
