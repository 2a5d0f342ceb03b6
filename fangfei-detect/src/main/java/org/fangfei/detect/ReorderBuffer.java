package org.fangfei.detect;

import java.util.Arrays;

/**
 * Rows waiting out the lateness, kept sorted on (time, seq) over slot arrays, so
 * reordering allocates nothing per row once the slots exist. The order is a ring of slots
 * sorted by insertion from the back: the input is almost in time order, so a row is
 * usually appended and at most moves past the few rows it was swapped with (the cost is
 * the number of buffered rows it overtakes, bounded by the lateness).
 */
final class ReorderBuffer {

	long[] time = new long[1024];

	long[] seq = new long[1024];

	int[] payer = new int[1024];

	int[] payee = new int[1024];

	long[] fen = new long[1024];

	int[] kw = new int[1024];

	String[] tx = new String[1024];

	String[] memo = new String[1024];

	/** Slots in (time, seq) order, a ring from {@code head}; length a power of two. */
	private int[] order = new int[1024];

	private int head;

	private int[] free = new int[1024];

	private int freeN;

	private int used;

	private int size;

	int size() {
		return this.size;
	}

	long topTime() {
		return this.time[this.order[this.head]];
	}

	/** Adds a row; returns its slot. */
	int add(long t, long s, int from, int to, long amount, int keywords, String txId, String memoText) {
		int slot;
		if (this.freeN > 0) {
			slot = this.free[--this.freeN];
		}
		else {
			if (this.used == this.time.length) {
				grow();
			}
			slot = this.used++;
		}
		this.time[slot] = t;
		this.seq[slot] = s;
		this.payer[slot] = from;
		this.payee[slot] = to;
		this.fen[slot] = amount;
		this.kw[slot] = keywords;
		this.tx[slot] = txId;
		this.memo[slot] = memoText;
		if (this.size == this.order.length) {
			growOrder();
		}
		int[] o = this.order;
		int m = o.length - 1;
		int i = this.size++;
		while (i > 0) {
			int prev = o[(this.head + i - 1) & m];
			if (!less(slot, prev)) {
				break;
			}
			o[(this.head + i) & m] = prev;
			i--;
		}
		o[(this.head + i) & m] = slot;
		return slot;
	}

	/**
	 * Removes and returns the slot with the smallest (time, seq); call {@link #free} when
	 * done.
	 */
	int pop() {
		int top = this.order[this.head];
		this.head = (this.head + 1) & (this.order.length - 1);
		this.size--;
		return top;
	}

	void free(int slot) {
		this.tx[slot] = null;
		this.memo[slot] = null;
		this.free[this.freeN++] = slot;
	}

	private boolean less(int a, int b) {
		return this.time[a] < this.time[b] || (this.time[a] == this.time[b] && this.seq[a] < this.seq[b]);
	}

	private void grow() {
		int n = this.time.length * 2;
		this.time = Arrays.copyOf(this.time, n);
		this.seq = Arrays.copyOf(this.seq, n);
		this.payer = Arrays.copyOf(this.payer, n);
		this.payee = Arrays.copyOf(this.payee, n);
		this.fen = Arrays.copyOf(this.fen, n);
		this.kw = Arrays.copyOf(this.kw, n);
		this.tx = Arrays.copyOf(this.tx, n);
		this.memo = Arrays.copyOf(this.memo, n);
		this.free = Arrays.copyOf(this.free, n);
	}

	private void growOrder() {
		int[] o = this.order;
		int[] bigger = new int[o.length * 2];
		for (int i = 0; i < this.size; i++) {
			bigger[i] = o[(this.head + i) & (o.length - 1)];
		}
		this.order = bigger;
		this.head = 0;
	}

}
