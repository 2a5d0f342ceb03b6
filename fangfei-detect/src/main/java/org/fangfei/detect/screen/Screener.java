package org.fangfei.detect.screen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a text 0–100 for illegal-fundraising language (集资类用语) and explains every point.
 * Compiled once from a {@link ScreenDictionary}; {@link #screen} is safe to call from
 * many threads.
 * <p>
 * The score: each signal term found counts once with its weight, a yield counts by its
 * yearly rate (over 6% 25, over 10% 45, over 20% 55 points), and they are combined as
 * independent evidence, {@code 100 × (1 − Π(1 − wᵢ/100))}. A guarantee inside or right
 * after a negation (不保本, 不承诺保本保息) does not count. Then contexts keep a share: anti-fraud
 * publicity (警惕, 骗局…) keeps 30% (65% when the text also solicits: 加微信, 名额有限…), a legal
 * disclaimer 50% and a licensed institution's words 60% — the last two only while no
 * yield above 10% a year is promised.
 */
public final class Screener {

	/** Scores at or above this are flagged. */
	public static final int THRESHOLD = 50;

	private static final int NEGATION_REACH = 4;

	private static final int QUOTE_MAX = 30;

	private final Normaliser normaliser;

	private final Automaton automaton;

	private final ScreenDictionary.Term[] termOf;

	private final int[] termIndexOf;

	private final int[] lengthOf;

	private final String[] writtenOf;

	private final boolean[] lettersOnly;

	private final ScreenDictionary dictionary;

	public Screener(ScreenDictionary dictionary) {
		this.dictionary = dictionary;
		this.normaliser = new Normaliser(dictionary.folds());
		List<String> spellings = new ArrayList<>();
		List<ScreenDictionary.Term> terms = new ArrayList<>();
		List<Integer> termIndex = new ArrayList<>();
		List<String> written = new ArrayList<>();
		Map<String, Boolean> seen = new HashMap<>();
		for (int t = 0; t < dictionary.terms().size(); t++) {
			ScreenDictionary.Term term = dictionary.terms().get(t);
			for (String spelling : term.spellings()) {
				String s = this.normaliser.normalise(spelling);
				if (seen.putIfAbsent(s, true) == null) {
					spellings.add(s);
					terms.add(term);
					termIndex.add(t);
					written.add(spelling);
				}
			}
		}
		this.automaton = new Automaton(spellings);
		this.termOf = terms.toArray(ScreenDictionary.Term[]::new);
		this.termIndexOf = termIndex.stream().mapToInt(Integer::intValue).toArray();
		this.writtenOf = written.toArray(String[]::new);
		this.lengthOf = spellings.stream().mapToInt(String::length).toArray();
		this.lettersOnly = new boolean[spellings.size()];
		for (int i = 0; i < spellings.size(); i++) {
			this.lettersOnly[i] = spellings.get(i).chars().allMatch(ch -> ch < 128);
		}
	}

	/** The screener with the built-in dictionary. */
	public static Screener builtIn() {
		return new Screener(ScreenDictionary.builtIn());
	}

	public ScreenDictionary dictionary() {
		return this.dictionary;
	}

	/** The text as matching reads it, for tests and the dictionary page's preview. */
	public String normalise(CharSequence text) {
		return this.normaliser.normalise(text);
	}

	/** Scores one text (null reads as empty). */
	public Screening screen(CharSequence text) {
		if (text == null) {
			text = "";
		}
		int len = text.length();
		char[] norm = new char[len];
		int[] orig = new int[len];
		char[] map = this.normaliser.map;
		short[] classOf = this.automaton.classOf;
		int[] next = this.automaton.next;
		int[][] out = this.automaton.out;
		int classes = this.automaton.classes;
		int[] found = new int[16];
		int matches = 0;
		int n = 0;
		int state = 0;
		for (int i = 0; i < len; i++) {
			char m = map[text.charAt(i)];
			if (m == 0 || (m == '.' && !Normaliser.digitAround(text, i))) {
				continue;
			}
			norm[n] = m;
			orig[n] = i;
			state = next[state * classes + classOf[m]];
			if (out[state] != null) {
				for (int id : out[state]) {
					if (matches * 2 + 2 > found.length) {
						found = java.util.Arrays.copyOf(found, found.length * 2);
					}
					found[matches * 2] = id;
					found[matches * 2 + 1] = n;
					matches++;
				}
			}
			n++;
		}
		if (matches == 0) {
			return new Screening(0, false, List.of(), "未发现集资类用语");
		}
		return new Scoring(this, text, norm, orig, n, found, matches).score();
	}

	ScreenDictionary.Term term(int spelling) {
		return this.termOf[spelling];
	}

	int termIndex(int spelling) {
		return this.termIndexOf[spelling];
	}

	/**
	 * The name a hit is shown by: for a signal, the first spelling of its line (variants
	 * are shown as the term they stand for); for other lines, the spelling as written.
	 */
	String shownAs(int spelling) {
		ScreenDictionary.Term term = this.termOf[spelling];
		return term.category().kind() == Category.Kind.SIGNAL ? term.spellings().get(0) : this.writtenOf[spelling];
	}

	int length(int spelling) {
		return this.lengthOf[spelling];
	}

	boolean lettersOnly(int spelling) {
		return this.lettersOnly[spelling];
	}

	static String quote(CharSequence text, int[] orig, int start, int end) {
		int from = orig[start];
		int to = Math.min(text.length(), orig[end] + 1);
		if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
			to++;
		}
		String q = text.subSequence(from, to).toString().replaceAll("\\s+", " ");
		return q.length() > QUOTE_MAX ? q.substring(0, QUOTE_MAX) + "…" : q;
	}

	static String percent(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
	}

	static int negationReach() {
		return NEGATION_REACH;
	}

}
