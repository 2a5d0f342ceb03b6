package org.fangfei.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns account numbers read as bytes to dense int ids (open addressing, linear
 * probing), so the scan creates one String per account, not per row, and keeps states in
 * a plain array.
 */
final class AccountIndex {

	private int[] table = new int[1 << 16];

	private int[] hashes = new int[1 << 12];

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
			int id = this.table[i] - 1;
			if (id < 0) {
				return add(b, from, len, h, i);
			}
			if (this.hashes[id] == h) {
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
		if (id + 2 >= this.hashes.length) {
			int cap = this.hashes.length * 2;
			this.hashes = Arrays.copyOf(this.hashes, cap);
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
		this.hashes[id] = h;
		this.names[id] = new String(b, from, len, StandardCharsets.UTF_8);
		this.states[id] = new AccountState();
		this.table[slot] = id + 1;
		this.size++;
		if (this.size * 2 > this.table.length) {
			grow();
		}
		return id;
	}

	private void grow() {
		int[] bigger = new int[this.table.length * 2];
		int m = bigger.length - 1;
		for (int id = 0; id < this.size; id++) {
			int i = this.hashes[id] & m;
			while (bigger[i] != 0) {
				i = (i + 1) & m;
			}
			bigger[i] = id + 1;
		}
		this.table = bigger;
	}

}
