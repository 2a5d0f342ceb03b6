package org.fangfei.detect.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns account numbers read as bytes to dense int ids (open addressing, linear
 * probing), so the scan creates one String per account, not per row, and keeps the
 * detector states in an {@link AccountStore} under the same ids.
 */
final class AccountIndex {

	/**
	 * Four longs per slot: ({@link AccountState#hash(String)} of the account (high 32
	 * bits) | id (low 32 bits)) + 1, 0 = empty; then the account's bytes packed into
	 * three longs with the length in the top byte (accounts of up to 23 bytes, so a
	 * lookup usually touches one cache line), or 0, 0, {@link #LONG_ACCOUNT} for longer
	 * ones (their bytes are in the pool). The slot where a lookup starts is given by a
	 * hash of the key bytes, not kept.
	 */
	private long[] table = new long[4 << 16];

	private int[] offsets = new int[1 << 12];

	private byte[] pool = new byte[1 << 18];

	private int poolUsed;

	private String[] names = new String[1 << 12];

	/** The detector states by id, or null for an index that only assigns ids. */
	private final AccountStore store;

	/** An index that keeps the accounts' detector states. */
	AccountIndex() {
		this(true);
	}

	/**
	 * An index that keeps the detector states ({@code withStore}), or one that only
	 * assigns ids (the reading thread of a pipelined {@link Scan}, whose detecting thread
	 * takes the new accounts with {@link #adopt}).
	 */
	AccountIndex(boolean withStore) {
		this.store = withStore ? new AccountStore() : null;
		if (withStore) {
			this.store.names = this::name;
		}
	}

	/**
	 * Takes an account another index has just given the id {@code id} (the next one
	 * here): its name and an empty state. The table is not used: an index fed this way is
	 * not asked to intern.
	 */
	void adopt(int id, String name) {
		if (id != this.size) {
			throw new IllegalStateException("account " + id + " adopted after " + this.size);
		}
		if (id + 2 >= this.names.length) {
			this.names = Arrays.copyOf(this.names, this.names.length * 2);
		}
		this.names[id] = name;
		this.store.add();
		this.size++;
	}

	private int size;

	int size() {
		return this.size;
	}

	String name(int id) {
		return this.names[id];
	}

	/** The detector states, by the same ids. */
	AccountStore store() {
		return this.store;
	}

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/**
	 * Packs an account of up to 23 bytes into {@code out[at, at + 4)}: three key longs
	 * (little-endian bytes, length in the top byte of the third) and the table hash;
	 * false (and nothing written) for a longer account, which
	 * {@link #intern(byte[], int, int)} takes directly.
	 */
	static boolean key(byte[] b, int from, int to, long[] out, int at) {
		int len = to - from;
		if (len > 23) {
			return false;
		}
		long k0;
		long k1;
		long k2;
		if (from + 24 <= b.length) {
			// Three unaligned 8-byte reads instead of a loop per byte; the bytes past the
			// end of the account are masked off.
			k0 = (long) LONGS.get(b, from);
			k1 = (long) LONGS.get(b, from + 8);
			k2 = (long) LONGS.get(b, from + 16);
			k2 = (len <= 16) ? 0 : k2 & ((1L << ((len - 16) << 3)) - 1);
			k1 = (len <= 8) ? 0 : (len < 16) ? k1 & ((1L << ((len - 8) << 3)) - 1) : k1;
			k0 = (len < 8) ? k0 & ((1L << (len << 3)) - 1) : k0;
		}
		else {
			k0 = 0;
			k1 = 0;
			k2 = 0;
			for (int i = 0; i < len; i++) {
				long v = (b[from + i] & 0xFFL) << ((i & 7) << 3);
				if (i < 8) {
					k0 |= v;
				}
				else if (i < 16) {
					k1 |= v;
				}
				else {
					k2 |= v;
				}
			}
		}
		k2 |= (long) len << 56;
		out[at] = k0;
		out[at + 1] = k1;
		out[at + 2] = k2;
		out[at + 3] = mix(k0, k1, k2);
		return true;
	}

	/**
	 * The text of up to 15 bytes packed in two longs (little-endian bytes, the length in
	 * the top byte of the second), as {@link Chunk#setTx} packs them.
	 */
	static String unpack(long k0, long k1) {
		int len = (int) (k1 >>> 56);
		byte[] bytes = new byte[len];
		for (int j = 0; j < len; j++) {
			bytes[j] = (byte) (((j < 8) ? k0 : k1) >>> ((j & 7) << 3));
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Loads the table slot where a key made by {@link #key} starts probing, without using
	 * it (so a batch of lookups overlaps its cache misses).
	 */
	long peek(long[] keys, int at) {
		long[] t = this.table;
		int base = ((int) keys[at + 3] & ((t.length >> 2) - 1)) << 2;
		// Both ends of the slot: the array is not aligned to cache lines, so a slot can
		// span two.
		return t[base] + t[base + 3];
	}

	/**
	 * The account packed by {@link #key} at {@code keys[at]}, added when new: its
	 * {@link AccountState#hash(String)} in the high half, its id in the low half (the
	 * table slot holds both, so the hash costs no second lookup).
	 */
	long intern(long[] keys, int at) {
		long k0 = keys[at];
		long k1 = keys[at + 1];
		long k2 = keys[at + 2];
		int h = (int) keys[at + 3];
		long[] t = this.table;
		int m = (t.length >> 2) - 1;
		for (int i = h & m;; i = (i + 1) & m) {
			int base = i << 2;
			long e = t[base];
			if (e == 0) {
				byte[] bytes = this.scratch;
				int len = (int) (k2 >>> 56);
				for (int j = 0; j < len; j++) {
					long k = (j < 8) ? k0 : (j < 16) ? k1 : k2;
					bytes[j] = (byte) (k >>> ((j & 7) << 3));
				}
				return add(bytes, 0, len, base, k0, k1, k2);
			}
			if (t[base + 1] == k0 && t[base + 2] == k1 && t[base + 3] == k2) {
				return e - 1;
			}
		}
	}

	/** The id in a value of {@link #intern}. */
	static int id(long interned) {
		return (int) interned;
	}

	/** The {@link AccountState#hash(String)} in a value of {@link #intern}. */
	static int hash(long interned) {
		return (int) (interned >>> 32);
	}

	private final byte[] scratch = new byte[24];

	private final long[] one = new long[4];

	/** The last key long of an account too long to pack (never that of a packed one). */
	private static final long LONG_ACCOUNT = -1L;

	/**
	 * The account in {@code b[from, to)}, added when new; as
	 * {@link #intern(long[], int)}.
	 */
	long intern(byte[] b, int from, int to) {
		if (key(b, from, to, this.one, 0)) {
			return intern(this.one, 0);
		}
		int len = to - from;
		int h = longHash(b, from, len);
		long[] t = this.table;
		int m = (t.length >> 2) - 1;
		for (int i = h & m;; i = (i + 1) & m) {
			int base = i << 2;
			long e = t[base];
			if (e == 0) {
				return add(b, from, len, base, 0, 0, LONG_ACCOUNT);
			}
			if (t[base + 3] == LONG_ACCOUNT) {
				int id = (int) e - 1;
				int off = this.offsets[id];
				int l = this.offsets[id + 1] - off;
				if (l == len && Arrays.equals(this.pool, off, off + l, b, from, to)) {
					return e - 1;
				}
			}
		}
	}

	/** The table hash of an account too long to pack. */
	private static int longHash(byte[] b, int from, int len) {
		int h = mix(len, 0, 0);
		for (int i = 0; i < len; i++) {
			h = (h ^ b[from + i]) * 0x01000193;
		}
		return h ^ (h >>> 15);
	}

	/** A 32-bit table hash of the packed account bytes (internal to this table). */
	private static int mix(long k0, long k1, long k2) {
		long x = (k0 * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(k1 * 0xC2B2AE3D27D4EB4FL, 23)
				^ Long.rotateLeft(k2 * 0x165667B19E3779F9L, 47);
		x ^= x >>> 29;
		x *= 0xBF58476D1CE4E5B9L;
		x ^= x >>> 32;
		return (int) x;
	}

	private long add(byte[] b, int from, int len, int base, long k0, long k1, long k2) {
		int id = this.size;
		if (id + 2 >= this.offsets.length) {
			int cap = this.offsets.length * 2;
			this.offsets = Arrays.copyOf(this.offsets, cap);
			this.names = Arrays.copyOf(this.names, cap);
		}
		if (this.poolUsed + len > this.pool.length) {
			this.pool = Arrays.copyOf(this.pool, Math.max(this.pool.length * 2, this.poolUsed + len));
		}
		System.arraycopy(b, from, this.pool, this.poolUsed, len);
		this.offsets[id] = this.poolUsed;
		this.poolUsed += len;
		this.offsets[id + 1] = this.poolUsed;
		this.names[id] = new String(b, from, len, StandardCharsets.UTF_8);
		long interned = ((long) AccountState.hash(this.names[id]) << 32) | id;
		if (this.store != null) {
			this.store.add();
		}
		this.table[base] = interned + 1;
		this.table[base + 1] = k0;
		this.table[base + 2] = k1;
		this.table[base + 3] = k2;
		this.size++;
		if (this.size * 2 > (this.table.length >> 2)) {
			grow();
		}
		return interned;
	}

	private void grow() {
		long[] old = this.table;
		long[] bigger = new long[old.length * 2];
		int m = (bigger.length >> 2) - 1;
		for (int s = 0; s < old.length; s += 4) {
			long e = old[s];
			if (e != 0) {
				int id = (int) e - 1;
				int h = (old[s + 3] == LONG_ACCOUNT)
						? longHash(this.pool, this.offsets[id], this.offsets[id + 1] - this.offsets[id])
						: mix(old[s + 1], old[s + 2], old[s + 3]);
				int i = h & m;
				while (bigger[i << 2] != 0) {
					i = (i + 1) & m;
				}
				System.arraycopy(old, s, bigger, i << 2, 4);
			}
		}
		this.table = bigger;
	}

}
