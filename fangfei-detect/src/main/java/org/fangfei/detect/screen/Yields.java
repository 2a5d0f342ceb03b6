package org.fangfei.detect.screen;

/**
 * Reads a yield written after a yield word, in Arabic or Chinese numerals, and turns it
 * into a yearly rate: {@code 15%}, {@code 2.5个点}, {@code 百分之十五}, {@code 千分之三},
 * {@code 万分之五}, {@code 2分} / {@code 两分半} / {@code 一分五}, {@code 8厘}. 分 and 厘 follow the
 * usual reading of the period: 年息一分 is 10% a year, 月息一分 1% a month, 日息一分 0.1% a day; 厘 is
 * a tenth of 分. The bare word 十分 ("very") is not a yield.
 */
final class Yields {

	/**
	 * How far after the yield word a number may start, in characters as matching reads
	 * them.
	 */
	static final int WINDOW = 12;

	private Yields() {
	}

	/** A yield found: per year in percent, and where its number is in the text read. */
	record Found(double annualPercent, int start, int end) {
	}

	/**
	 * The highest yield written within {@link #WINDOW} characters from {@code from}, or
	 * null.
	 * @param s the text as matching reads it
	 * @param n its length
	 */
	static Found after(char[] s, int n, int from, int periodsPerYear) {
		Found best = null;
		int limit = Math.min(n, from + WINDOW);
		int p = from;
		while (p < limit) {
			if (startsNumber(s, n, p)) {
				Reader r = new Reader(s, n, p);
				double perPeriod = r.rate(periodsPerYear);
				if (perPeriod >= 0) {
					Found f = new Found(perPeriod * periodsPerYear, p, r.pos);
					if (best == null || f.annualPercent() > best.annualPercent()) {
						best = f;
					}
				}
				p = Math.max(r.pos, p + 1);
			}
			else {
				p++;
			}
		}
		return best;
	}

	private static boolean startsNumber(char[] s, int n, int p) {
		char c = s[p];
		return (c >= '0' && c <= '9') || cn(c) >= 0 || c == '十' || c == '百' || c == '千' || c == '万';
	}

	static int cn(char c) {
		return switch (c) {
			case '零', '〇' -> 0;
			case '一' -> 1;
			case '二', '两' -> 2;
			case '三' -> 3;
			case '四' -> 4;
			case '五' -> 5;
			case '六' -> 6;
			case '七' -> 7;
			case '八' -> 8;
			case '九' -> 9;
			default -> -1;
		};
	}

	/** Reads one number and its unit from a position. */
	private static final class Reader {

		final char[] s;

		final int n;

		int pos;

		Reader(char[] s, int n, int pos) {
			this.s = s;
			this.n = n;
			this.pos = pos;
		}

		/** The rate per period in percent, or -1 when what stands here is not a yield. */
		double rate(int periodsPerYear) {
			double fraction = prefix("千分之") ? 0.1 : prefix("万分之") ? 0.01 : prefix("百分之") ? 1 : 0;
			int start = this.pos;
			double v = number();
			if (v < 0) {
				return -1;
			}
			if (fraction > 0) {
				return v * fraction;
			}
			if (at('%')) {
				this.pos++;
				return v;
			}
			if (at('‰')) {
				this.pos++;
				return v / 10;
			}
			if (prefix("个点")) {
				return v;
			}
			boolean fen = at('分');
			boolean li = at('厘');
			if (!fen && !li) {
				return -1;
			}
			if (fen && this.pos - start == 1 && this.s[start] == '十') {
				return -1;
			}
			this.pos++;
			if (at('半')) {
				v += 0.5;
				this.pos++;
			}
			else if (this.pos < this.n && digit(this.s[this.pos]) >= 0 && !followedByUnit()) {
				v += digit(this.s[this.pos]) / 10.0;
				this.pos++;
			}
			double unit = periodsPerYear == 1 ? 10 : periodsPerYear == 12 ? 1 : 0.1;
			return fen ? v * unit : v * unit / 10;
		}

		/** 一分五 is 1.5 分, but 2分5%... is not read as 2.5 分. */
		private boolean followedByUnit() {
			int q = this.pos + 1;
			return q < this.n && (this.s[q] == '%' || this.s[q] == '.' || (this.s[q] >= '0' && this.s[q] <= '9'));
		}

		private double number() {
			if (this.pos < this.n && this.s[this.pos] >= '0' && this.s[this.pos] <= '9') {
				double v = 0;
				while (this.pos < this.n && this.s[this.pos] >= '0' && this.s[this.pos] <= '9') {
					v = v * 10 + (this.s[this.pos++] - '0');
				}
				if (at('.') && this.pos + 1 < this.n && this.s[this.pos + 1] >= '0' && this.s[this.pos + 1] <= '9') {
					this.pos++;
					double scale = 0.1;
					while (this.pos < this.n && this.s[this.pos] >= '0' && this.s[this.pos] <= '9') {
						v += (this.s[this.pos++] - '0') * scale;
						scale /= 10;
					}
				}
				return v;
			}
			return chinese();
		}

		private double chinese() {
			long total = 0;
			int cur = -1;
			int start = this.pos;
			while (this.pos < this.n) {
				char c = this.s[this.pos];
				int d = cn(c);
				if (d >= 0) {
					cur = d;
				}
				else if (c == '十') {
					total += (cur < 0 ? 1 : cur) * 10L;
					cur = -1;
				}
				else if (c == '百' && cur >= 0) {
					total += cur * 100L;
					cur = -1;
				}
				else {
					break;
				}
				this.pos++;
			}
			if (this.pos == start) {
				return -1;
			}
			double v = total + Math.max(cur, 0);
			if (at('点') && this.pos + 1 < this.n && cn(this.s[this.pos + 1]) >= 0) {
				this.pos++;
				double scale = 0.1;
				while (this.pos < this.n && cn(this.s[this.pos]) >= 0) {
					v += cn(this.s[this.pos++]) * scale;
					scale /= 10;
				}
			}
			return v;
		}

		private boolean at(char c) {
			return this.pos < this.n && this.s[this.pos] == c;
		}

		private boolean prefix(String word) {
			if (this.pos + word.length() > this.n) {
				return false;
			}
			for (int k = 0; k < word.length(); k++) {
				if (this.s[this.pos + k] != word.charAt(k)) {
					return false;
				}
			}
			this.pos += word.length();
			return true;
		}

		private static int digit(char c) {
			return c >= '0' && c <= '9' ? c - '0' : cn(c);
		}

	}

}
