package org.fangfei.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows waiting out the lateness, released in (time, seq) order, over slot arrays, so
 * reordering allocates nothing per row once the slots exist. The input is almost in time
 * order, so a row not earlier than the last in-order row is appended to a sorted ring
 * (constant time); the few rows that are earlier go to a binary min-heap. The smaller of
 * the two heads is released first, so the order is exact and the worst case stays
 * logarithmic.
 */
final class ReorderBuffer {

	long[] time = new long[1024];

	long[] seq = new long[1024];

	int[] payer = new int[1024];

	int[] payee = new int[1024];

	/** {@link AccountState#hash(String)} of the payer and of the payee. */
	int[] payerHash = new int[1024];

	int[] payeeHash = new int[1024];

	long[] fen = new long[1024];

	int[] kw = new int[1024];

	/** Transfer ids longer than {@link #TX_BYTES}, else null. */
	String[] tx = new String[1024];

	/** Bytes of each slot's transfer id (when it fits), {@link #TX_BYTES} per slot. */
	byte[] txBytes = new byte[1024 * TX_BYTES];

	byte[] txLength = new byte[1024];

	static final int TX_BYTES = 32;

	String[] memo = new String[1024];

	/** In-order slots, sorted, a ring from {@code head}; length a power of two. */
	private int[] order = new int[1024];

	private int head;

	private int ringN;

	/** Out-of-order slots, a binary min-heap. */
	private int[] heap = new int[1024];

	private int heapN;

	private int[] free = new int[1024];

	private int freeN;

	private int used;

	int size() {
		return this.ringN + this.heapN;
	}

	long topTime() {
		return this.time[top()];
	}

	private boolean ringFirst() {
		return this.heapN == 0 || (this.ringN > 0 && less(this.order[this.head], this.heap[0]));
	}

	private int top() {
		return ringFirst() ? this.order[this.head] : this.heap[0];
	}

	/** Adds a row; returns its slot. */
	int add(long t, long s, int from, int to, long amount, int keywords, byte[] line, int txFrom, int txTo) {
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
		int n = txTo - txFrom;
		if (n <= TX_BYTES) {
			System.arraycopy(line, txFrom, this.txBytes, slot * TX_BYTES, n);
			this.txLength[slot] = (byte) n;
		}
		else {
			this.tx[slot] = new String(line, txFrom, n, StandardCharsets.UTF_8);
		}
		int[] o = this.order;
		if (this.ringN == 0 || !less(slot, o[(this.head + this.ringN - 1) & (o.length - 1)])) {
			if (this.ringN == o.length) {
				growOrder();
				o = this.order;
			}
			o[(this.head + this.ringN++) & (o.length - 1)] = slot;
			return slot;
		}
		if (this.heapN == this.heap.length) {
			this.heap = Arrays.copyOf(this.heap, this.heap.length * 2);
		}
		int i = this.heapN++;
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			if (!less(slot, this.heap[parent])) {
				break;
			}
			this.heap[i] = this.heap[parent];
			i = parent;
		}
		this.heap[i] = slot;
		return slot;
	}

	/**
	 * Removes and returns the slot with the smallest (time, seq); call {@link #free} when
	 * done.
	 */
	int pop() {
		if (ringFirst()) {
			int top = this.order[this.head];
			this.head = (this.head + 1) & (this.order.length - 1);
			this.ringN--;
			return top;
		}
		int top = this.heap[0];
		int last = this.heap[--this.heapN];
		int i = 0;
		int n = this.heapN;
		int half = n >>> 1;
		while (i < half) {
			int child = 2 * i + 1;
			if (child + 1 < n && less(this.heap[child + 1], this.heap[child])) {
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

	/** Sets the payer's (or the payee's) account id and hash of a slot. */
	void setAccount(int slot, boolean payee, int id, int hash) {
		if (payee) {
			this.payee[slot] = id;
			this.payeeHash[slot] = hash;
		}
		else {
			this.payer[slot] = id;
			this.payerHash[slot] = hash;
		}
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
		this.payerHash = Arrays.copyOf(this.payerHash, n);
		this.payeeHash = Arrays.copyOf(this.payeeHash, n);
		this.fen = Arrays.copyOf(this.fen, n);
		this.kw = Arrays.copyOf(this.kw, n);
		this.tx = Arrays.copyOf(this.tx, n);
		this.txBytes = Arrays.copyOf(this.txBytes, n * TX_BYTES);
		this.txLength = Arrays.copyOf(this.txLength, n);
		this.memo = Arrays.copyOf(this.memo, n);
		this.free = Arrays.copyOf(this.free, n);
	}

	private void growOrder() {
		int[] o = this.order;
		int[] bigger = new int[o.length * 2];
		for (int i = 0; i < this.ringN; i++) {
			bigger[i] = o[(this.head + i) & (o.length - 1)];
		}
		this.order = bigger;
		this.head = 0;
	}

}
