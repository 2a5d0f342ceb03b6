package org.fangfei.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns account numbers read as bytes to dense int ids (open addressing, linear
 * probing), so the scan creates one String per account, not per row, and keeps states in
 * a plain array.
 */
final class AccountIndex {

	/** Slots: FNV hash (high 32 bits) | id + 1 (low 32 bits); 0 = empty. */
	private long[] table = new long[1 << 16];

	/**
	 * Per id: {@link AccountState#hash(String)} of its name, handed to the detector with
	 * each leg.
	 */
	private int[] detectorHashes = new int[1 << 12];

	private int[] offsets = new int[1 << 12];

	private byte[] pool = new byte[1 << 18];

	private int poolUsed;

	private String[] names = new String[1 << 12];

	private AccountState[] states = new AccountState[1 << 12];

	private int size;

	int size() {
		return this.size;
	}

	String name(int id) {
		return this.names[id];
	}

	int detectorHash(int id) {
		return this.detectorHashes[id];
	}

	AccountState state(int id) {
		return this.states[id];
	}

	/** The id of the account in {@code b[from, to)}, adding it when new. */
	int intern(byte[] b, int from, int to) {
		int h = 0x811C9DC5;
		for (int i = from; i < to; i++) {
			h = (h ^ b[i]) * 0x01000193;
		}
		h ^= h >>> 15;
		int m = this.table.length - 1;
		int len = to - from;
		for (int i = h & m;; i = (i + 1) & m) {
			long e = this.table[i];
			if (e == 0) {
				return add(b, from, len, h, i);
			}
			if ((int) (e >>> 32) == h) {
				int id = (int) e - 1;
				int off = this.offsets[id];
				int l = this.offsets[id + 1] - off;
				if (l == len && Arrays.equals(this.pool, off, off + l, b, from, to)) {
					return id;
				}
			}
		}
	}

	private int add(byte[] b, int from, int len, int h, int slot) {
		int id = this.size;
		if (id + 2 >= this.offsets.length) {
			int cap = this.offsets.length * 2;
			this.detectorHashes = Arrays.copyOf(this.detectorHashes, cap);
			this.offsets = Arrays.copyOf(this.offsets, cap);
			this.names = Arrays.copyOf(this.names, cap);
			this.states = Arrays.copyOf(this.states, cap);
		}
		if (this.poolUsed + len > this.pool.length) {
			this.pool = Arrays.copyOf(this.pool, Math.max(this.pool.length * 2, this.poolUsed + len));
		}
		System.arraycopy(b, from, this.pool, this.poolUsed, len);
		this.offsets[id] = this.poolUsed;
		this.poolUsed += len;
		this.offsets[id + 1] = this.poolUsed;
		this.names[id] = new String(b, from, len, StandardCharsets.UTF_8);
		this.detectorHashes[id] = AccountState.hash(this.names[id]);
		this.states[id] = new AccountState();
		this.table[slot] = ((long) h << 32) | (id + 1);
		this.size++;
		if (this.size * 2 > this.table.length) {
			grow();
		}
		return id;
	}

	private void grow() {
		long[] bigger = new long[this.table.length * 2];
		int m = bigger.length - 1;
		for (long e : this.table) {
			if (e != 0) {
				int i = (int) (e >>> 32) & m;
				while (bigger[i] != 0) {
					i = (i + 1) & m;
				}
				bigger[i] = e;
			}
		}
		this.table = bigger;
	}

}
