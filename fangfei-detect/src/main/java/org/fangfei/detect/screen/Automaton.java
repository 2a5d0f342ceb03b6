package org.fangfei.detect.screen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Aho–Corasick over the dictionary's spellings as matching reads them, as a dense table:
 * a character outside every spelling takes any state back to the root in one step, so a
 * text is read once whatever the number of terms.
 */
final class Automaton {

	/** Class of each character: 0 for characters in no spelling. */
	final short[] classOf = new short[65536];

	final int classes;

	/** Next state: {@code next[state * classes + class]}. */
	final int[] next;

	/** Spellings ending at each state (fail links followed), or null. */
	final int[][] out;

	Automaton(List<String> spellings) {
		short c = 1;
		for (String s : spellings) {
			for (int k = 0; k < s.length(); k++) {
				if (this.classOf[s.charAt(k)] == 0) {
					this.classOf[s.charAt(k)] = c++;
				}
			}
		}
		this.classes = c;
		List<int[]> gotos = new ArrayList<>();
		List<List<Integer>> outs = new ArrayList<>();
		gotos.add(new int[this.classes]);
		outs.add(new ArrayList<>());
		for (int id = 0; id < spellings.size(); id++) {
			String s = spellings.get(id);
			int state = 0;
			for (int k = 0; k < s.length(); k++) {
				int cl = this.classOf[s.charAt(k)];
				if (gotos.get(state)[cl] == 0) {
					gotos.get(state)[cl] = gotos.size();
					gotos.add(new int[this.classes]);
					outs.add(new ArrayList<>());
				}
				state = gotos.get(state)[cl];
			}
			outs.get(state).add(id);
		}
		int states = gotos.size();
		int[] fail = new int[states];
		this.next = new int[states * this.classes];
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int cl = 1; cl < this.classes; cl++) {
			int child = gotos.get(0)[cl];
			this.next[cl] = child;
			if (child != 0) {
				queue.add(child);
			}
		}
		while (!queue.isEmpty()) {
			int state = queue.poll();
			outs.get(state).addAll(outs.get(fail[state]));
			for (int cl = 1; cl < this.classes; cl++) {
				int child = gotos.get(state)[cl];
				if (child != 0) {
					fail[child] = this.next[fail[state] * this.classes + cl];
					queue.add(child);
					this.next[state * this.classes + cl] = child;
				}
				else {
					this.next[state * this.classes + cl] = this.next[fail[state] * this.classes + cl];
				}
			}
		}
		this.out = new int[states][];
		for (int s = 0; s < states; s++) {
			if (!outs.get(s).isEmpty()) {
				this.out[s] = outs.get(s).stream().mapToInt(Integer::intValue).toArray();
			}
		}
	}

}
