package org.fangfei.detect.screen;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that turn the terms found in one text into a score (see {@link Screener}).
 */
final class Scoring {

	private record Match(int spelling, ScreenDictionary.Term term, int start, int end) {

		Category category() {
			return this.term.category();
		}

		/**
		 * Terms of one group compete: a shorter one inside a longer one does not count.
		 */
		Object group() {
			return category().kind() == Category.Kind.YIELD ? Category.Kind.YIELD : category();
		}

		boolean inside(Match o) {
			return o != this && o.start <= this.start && this.end <= o.end && o.end - o.start > this.end - this.start;
		}

	}

	private final Screener screener;

	private final CharSequence text;

	private final char[] norm;

	private final int[] orig;

	private final int n;

	private final List<Match> found = new ArrayList<>();

	Scoring(Screener screener, CharSequence text, char[] norm, int[] orig, int n, int[] raw, int count) {
		this.screener = screener;
		this.text = text;
		this.norm = norm;
		this.orig = orig;
		this.n = n;
		for (int k = 0; k < count; k++) {
			int id = raw[k * 2];
			int end = raw[k * 2 + 1];
			int start = end - screener.length(id) + 1;
			if (screener.lettersOnly(id) && (letter(start - 1) || letter(end + 1))) {
				continue;
			}
			this.found.add(new Match(id, screener.term(id), start, end));
		}
	}

	private boolean letter(int p) {
		return p >= 0 && p < this.n && this.norm[p] >= 'a' && this.norm[p] <= 'z';
	}

	Screening score() {
		List<Match> kept = new ArrayList<>();
		for (Match m : this.found) {
			boolean covered = this.found.stream().anyMatch(o -> o.group().equals(m.group()) && m.inside(o));
			if (!covered && !negated(m)) {
				kept.add(m);
			}
		}
		List<Screening.Hit> hits = new ArrayList<>();
		double keep = 1;
		Set<Integer> counted = new HashSet<>();
		boolean solicits = false;
		for (Match m : kept) {
			if (m.category().kind() == Category.Kind.SIGNAL && counted.add(this.screener.termIndex(m.spelling()))) {
				keep *= 1 - m.term().weight() / 100.0;
				hits.add(hit(m, m.category().label(), "+" + m.term().weight()));
				solicits |= m.category() == Category.SOLICIT;
			}
		}
		Yields.Found yield = bestYield(kept);
		if (yield != null) {
			int points = yieldPoints(yield.annualPercent());
			keep *= 1 - points / 100.0;
			String what = "折合年化" + Screener.percent(yield.annualPercent()) + "%" + (points == 0 ? "，属正常水平" : "");
			hits.add(new Screening.Hit("收益数字", what,
					Screener.quote(this.text, this.orig, yield.start(), Math.max(yield.start(), yield.end() - 1)),
					"+" + points));
		}
		double raw = 100 * (1 - keep);
		double factor = 1;
		Map<Category, Match> contexts = contexts(kept);
		for (Match m : contexts.values()) {
			int percent = m.term().weight();
			if (m.category() == Category.ANTI_FRAUD && solicits) {
				percent = (percent + 100) / 2;
			}
			if (m.category() != Category.ANTI_FRAUD && yield != null && yield.annualPercent() > 10) {
				hits.add(hit(m, m.category().label(), "不减分（承诺收益过高）"));
				continue;
			}
			factor *= percent / 100.0;
			hits.add(hit(m, m.category().label() + "语境", "×" + percent + "%"));
		}
		int score = (int) Math.round(Math.min(100, raw * factor));
		return new Screening(score, score >= Screener.THRESHOLD, List.copyOf(hits), explain(hits, raw, score));
	}

	/**
	 * A guarantee inside a negation or within a few characters after it does not count.
	 */
	private boolean negated(Match m) {
		if (m.category() != Category.GUARANTEE) {
			return false;
		}
		for (Match o : this.found) {
			if (o.category() == Category.NEGATION && m.start() >= o.start()
					&& m.start() <= o.end() + Screener.negationReach() && !breakBetween(o.end(), m.start())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a clause ends between two characters read (a negation reaches no further).
	 */
	private boolean breakBetween(int from, int to) {
		if (to <= from) {
			return false;
		}
		for (int i = this.orig[from] + 1; i < this.orig[to]; i++) {
			if ("，。！？；,.!?;\n".indexOf(this.text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private Yields.Found bestYield(List<Match> kept) {
		Yields.Found best = null;
		for (Match m : kept) {
			if (m.category().kind() == Category.Kind.YIELD) {
				Yields.Found f = Yields.after(this.norm, this.n, m.end() + 1, m.category().periodsPerYear());
				if (f != null && (best == null || f.annualPercent() > best.annualPercent())) {
					best = new Yields.Found(f.annualPercent(), m.start(), f.end());
				}
			}
		}
		return best;
	}

	static int yieldPoints(double annualPercent) {
		return annualPercent > 20 ? 55 : annualPercent > 10 ? 45 : annualPercent > 6 ? 25 : 0;
	}

	/** The strongest term of each context category found. */
	private static Map<Category, Match> contexts(List<Match> kept) {
		Map<Category, Match> out = new EnumMap<>(Category.class);
		for (Match m : kept) {
			if (m.category().kind() == Category.Kind.CONTEXT) {
				out.merge(m.category(), m, (a, b) -> a.term().weight() <= b.term().weight() ? a : b);
			}
		}
		return out;
	}

	private Screening.Hit hit(Match m, String label, String effect) {
		return new Screening.Hit(label, this.screener.shownAs(m.spelling()),
				Screener.quote(this.text, this.orig, m.start(), m.end()), effect);
	}

	private static String explain(List<Screening.Hit> hits, double raw, int score) {
		if (hits.isEmpty()) {
			return "未发现集资类用语";
		}
		StringBuilder sb = new StringBuilder();
		for (Screening.Hit h : hits) {
			sb.append(h.category()).append("「").append(h.quote()).append("」");
			if (!h.quote().equals(h.term())) {
				sb.append("(").append(h.term()).append(")");
			}
			sb.append(h.effect()).append("；");
		}
		sb.append("合计").append(Math.round(raw)).append("分");
		if (Math.round(raw) != score) {
			sb.append("，按语境得").append(score).append("分");
		}
		return sb.toString();
	}

}
