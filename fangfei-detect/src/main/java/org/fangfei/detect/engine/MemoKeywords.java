package org.fangfei.detect.engine;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the configured fundraising words in a memo, either in a String or straight in the
 * UTF-8 bytes of a CSV line (so {@code scan} needs no String per memo). Both give the
 * same bit set: bit i is set when keyword i occurs.
 */
final class MemoKeywords implements Serializable {

	private final String[] words;

	private final byte[][] utf8;

	/** Bit (c & 63) set for the first char c of every keyword: a cheap pre-filter. */
	private final long firstChars;

	MemoKeywords(List<String> words) {
		if (words.size() > 31) {
			throw new IllegalArgumentException("memo.keywords: at most 31 keywords, got " + words.size());
		}
		this.words = words.toArray(String[]::new);
		this.utf8 = new byte[this.words.length][];
		for (int i = 0; i < this.words.length; i++) {
			this.utf8[i] = this.words[i].getBytes(StandardCharsets.UTF_8);
		}
		long f = 0;
		for (String w : this.words) {
			f |= 1L << (w.isEmpty() ? 0 : w.charAt(0) & 63);
		}
		this.firstChars = (this.words.length > 0 && Arrays.stream(this.words).anyMatch(String::isEmpty)) ? -1L : f;
	}

	/** Bits of the keywords that are among {@code of}. */
	int bitsOf(List<String> of) {
		int bits = 0;
		for (int i = 0; i < this.words.length; i++) {
			if (of.contains(this.words[i])) {
				bits |= 1 << i;
			}
		}
		return bits;
	}

	int match(String memo) {
		if (memo == null || memo.isEmpty()) {
			return 0;
		}
		if (this.firstChars == -1L) {
			return containsEach(memo);
		}
		// One pass over the memo; a keyword is only compared where its first char is.
		int bits = 0;
		long filter = this.firstChars;
		String[] w = this.words;
		for (int i = 0, n = memo.length(); i < n; i++) {
			char ch = memo.charAt(i);
			if ((filter & (1L << (ch & 63))) == 0) {
				continue;
			}
			for (int k = 0; k < w.length; k++) {
				if (w[k].charAt(0) == ch && memo.startsWith(w[k], i)) {
					bits |= 1 << k;
				}
			}
		}
		return bits;
	}

	private int containsEach(String memo) {
		int bits = 0;
		for (int i = 0; i < this.words.length; i++) {
			if (memo.contains(this.words[i])) {
				bits |= 1 << i;
			}
		}
		return bits;
	}

	/** Same as {@link #match(String)} on UTF-8 bytes {@code [from, to)}. */
	int match(byte[] b, int from, int to) {
		int bits = 0;
		for (int k = 0; k < this.utf8.length; k++) {
			byte[] w = this.utf8[k];
			int last = to - w.length;
			byte first = w[0];
			outer: for (int i = from; i <= last; i++) {
				if (b[i] != first) {
					continue;
				}
				for (int j = 1; j < w.length; j++) {
					if (b[i + j] != w[j]) {
						continue outer;
					}
				}
				bits |= 1 << k;
				break;
			}
		}
		return bits;
	}

	/** The keywords whose bits are set, joined with 、 for explanations. */
	String names(int bits) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < this.words.length; i++) {
			if ((bits & (1 << i)) != 0) {
				if (sb.length() > 0) {
					sb.append('、');
				}
				sb.append(this.words[i]);
			}
		}
		return sb.toString();
	}

}
