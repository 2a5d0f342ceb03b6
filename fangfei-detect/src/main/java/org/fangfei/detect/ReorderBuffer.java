package org.fangfei.detect;

import java.util.Arrays;

/**
 * Rows waiting out the lateness: a binary min-heap on (time, seq) over slot arrays, so
 * reordering allocates nothing per row once the slots exist.
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

	private int[] heap = new int[1024];

	private int[] free = new int[1024];

	private int freeN;

	private int used;

	private int size;

	int size() {
		return this.size;
	}

	long topTime() {
		return this.time[this.heap[0]];
	}

	void add(long t, long s, int from, int to, long amount, int keywords, String txId, String memoText) {
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
		int i = this.size++;
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			if (!less(slot, this.heap[parent])) {
				break;
			}
			this.heap[i] = this.heap[parent];
			i = parent;
		}
		this.heap[i] = slot;
	}

	/**
	 * Removes and returns the slot with the smallest (time, seq); call {@link #free} when
	 * done.
	 */
	int pop() {
		int top = this.heap[0];
		int last = this.heap[--this.size];
		int i = 0;
		int half = this.size >>> 1;
		while (i < half) {
			int child = 2 * i + 1;
			if (child + 1 < this.size && less(this.heap[child + 1], this.heap[child])) {
				child++;
			}
			if (!less(this.heap[child], last)) {
				break;
			}
			this.heap[i] = this.heap[child];
			i = child;
		}
		this.heap[i] = last;
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
		this.heap = Arrays.copyOf(this.heap, n);
		this.free = Arrays.copyOf(this.free, n);
	}

}
