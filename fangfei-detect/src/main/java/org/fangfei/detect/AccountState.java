package org.fangfei.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Everything the detector keeps about one account, bounded whatever the account's
 * traffic: a view of the account's record in an {@link AccountStore}. The
 * {@link Detector} owns the logic; this class names the fields of the record and holds
 * the counterparty set.
 *
 * <p>
 * {@code new AccountState()} is a state of its own (a store of one account, as the Flink
 * job keeps per key); {@link AccountStore#at(int)} is a view that {@code scan} moves from
 * account to account. Size: a 704-byte record (scalars, 16-day ring of inflow
 * aggregates), a counterparty table of 16 bytes a slot that grows to at most
 * {@code 2 × state.maxCounterparties} slots (32 KiB with the default 1024), after which
 * it keeps a hash-defined sample of counterparties (distinct sampling: level L keeps
 * hashes with L leading zero bits, counts are scaled by 2^L), and, for the few accounts
 * that need them, the large outflows and recorded batches. See {@code docs/detector.md}.
 */
public final class AccountState {

	static final long NONE = Long.MIN_VALUE;

	static final int RING = 16;

	static final int MASK = RING - 1;

	static final int BATCHES = 8;

	static final int OUTS = 4;

	private static final int VERSION = 1;

	// The record: long fields by long index, int fields by int index (2 × long index +
	// 0 for the low half, 1 for the high half). The fields a leg needs come first.

	static final int L_LAST_TIME = 0;

	static final int L_FIRST_TIME = 1;

	static final int L_DAYS = 2;

	static final int FIRST_DAY = 4;

	static final int CUR_DAY = 5;

	static final int L_RING_USED = 3;

	/**
	 * Bit i set when day slot i of the ring holds inflows: {@link #advance} only reads
	 * and clears those, so an account with few inflow days touches few ring lines.
	 */
	static final int RING_USED = 6;

	static final int LEVEL = 7;

	static final int L_CP = 4;

	static final int CP_OFF = 8;

	static final int CP_SLOTS = 9;

	static final int SIZE = 10;

	static final int OUT_N = 11;

	// Running sums over the scatter window (s*) and the surge window (g*).
	static final int L_S_IN_FEN = 6;

	static final int S_COUNT = 14;

	static final int S_DISTINCT = 15;

	static final int S_NEW = 16;

	static final int S_BIG = 17;

	static final int L_G_IN_FEN = 9;

	static final int G_COUNT = 20;

	static final int G_NEW = 21;

	/** New counterparties over the account's life (estimate when sampling). */
	static final int L_TOTAL_NEW = 11;

	// Current batch of small outflows.
	static final int L_BATCH_START = 12;

	static final int BATCH_COUNT = 26;

	static final int BATCH_SAMPLED = 27;

	static final int BATCH_KNOWN = 28;

	static final int BATCH_REPEAT = 29;

	static final int L_BATCH_FEN = 15;

	static final int L_BATCH_KNOWN_PAYOUT_FEN = 16;

	static final int L_BATCH_KNOWN_PAID_YUAN = 17;

	/** Number of recorded batches. */
	static final int B_N = 36;

	// Memo: two half-window buckets.
	static final int MEMO_CUR_WORDS = 37;

	static final int L_MEMO_BUCKET = 19;

	static final int MEMO_CUR_PAYERS = 40;

	static final int MEMO_PREV_PAYERS = 41;

	static final int MEMO_CUR_TX = 42;

	static final int MEMO_PREV_TX = 43;

	static final int L_MEMO_CUR_FEN = 22;

	static final int L_MEMO_PREV_FEN = 23;

	static final int L_MEMO_CUR_FIRST = 24;

	static final int L_MEMO_PREV_FIRST = 25;

	static final int MEMO_PREV_WORDS = 52;

	/** Last alert time per pattern (by ordinal), for the cool-down. */
	static final int L_LAST_ALERT = 27;

	/** Flags in the high half of a kept outflow's fifth long. */
	private static final long OUT_TX_TEXT = 1L << 32;

	private static final long OUT_PAYEE_TEXT = 2L << 32;

	private AccountStore store;

	private int id;

	/** The page of the record and the record's first index in it. */
	long[] a;

	int b;

	/** A state of its own. */
	public AccountState() {
		this.store = AccountStore.ofOne();
		this.a = this.store.records(0);
		this.b = 0;
	}

	/** A view for {@link AccountStore#at(int)}; point it with {@link #at}. */
	AccountState(AccountStore store) {
		this.store = store;
	}

	AccountState at(int account) {
		this.id = account;
		this.a = this.store.records(account);
		this.b = AccountStore.base(account);
		return this;
	}

	/** Writes the defaults of a fresh record (everything else is zero). */
	static void init(long[] a, int b) {
		a[b + L_LAST_TIME] = NONE;
		a[b + L_FIRST_TIME] = NONE;
		a[b + L_DAYS] = (long) Integer.MIN_VALUE << 32;
		a[b + L_BATCH_START] = NONE;
		a[b + L_MEMO_BUCKET] = NONE;
		a[b + L_MEMO_CUR_FIRST] = NONE;
		a[b + L_MEMO_PREV_FIRST] = NONE;
		for (int p = 0; p < Pattern.values().length; p++) {
			a[b + L_LAST_ALERT + p] = NONE;
		}
	}

	long getl(int f) {
		return this.a[this.b + f];
	}

	void setl(int f, long v) {
		this.a[this.b + f] = v;
	}

	int geti(int f) {
		long v = this.a[this.b + (f >>> 1)];
		return ((f & 1) == 0) ? (int) v : (int) (v >>> 32);
	}

	void seti(int f, int x) {
		int i = this.b + (f >>> 1);
		long v = this.a[i];
		this.a[i] = ((f & 1) == 0) ? (v & 0xFFFFFFFF00000000L) | (x & 0xFFFFFFFFL)
				: (v & 0xFFFFFFFFL) | ((long) x << 32);
	}

	void addi(int f, int x) {
		seti(f, geti(f) + x);
	}

	/** Index of day slot {@code slot}'s three longs: fen; count | big; distinct | new. */
	int ring(int slot) {
		return this.b + AccountStore.RING_AT + slot * 3;
	}

	/** Millis of the first inflow of day slot {@code slot}, or -1. */
	long firstMs(int slot) {
		long v = this.a[this.b + AccountStore.FIRST_MS_AT + (slot >>> 1)];
		return (((slot & 1) == 0) ? (int) v : (int) (v >>> 32)) - 1L;
	}

	void firstMs(int slot, long millis) {
		seti(2 * AccountStore.FIRST_MS_AT + slot, (int) (millis + 1));
	}

	long lastAlert(int pattern) {
		return this.a[this.b + L_LAST_ALERT + pattern];
	}

	void lastAlert(int pattern, long time) {
		this.a[this.b + L_LAST_ALERT + pattern] = time;
	}

	/** Time of kept large outflow {@code i}. */
	long outTime(int i) {
		return this.a[this.b + AccountStore.OUT_AT + 5 * i];
	}

	long outFen(int i) {
		return this.a[this.b + AccountStore.OUT_AT + 5 * i + 1];
	}

	/**
	 * Keeps the leg as large outflow {@code i}: its transfer id packed in two longs and
	 * its payee as an account id when {@code scan} gives them, else as text.
	 */
	void setOut(int i, long time, long fen, Leg leg) {
		long[] r = this.a;
		int x = this.b + AccountStore.OUT_AT + 5 * i;
		r[x] = time;
		r[x + 1] = fen;
		long flags = 0;
		if (leg.txId != null || leg.lazy == null || !leg.lazy.packTxId(leg.lazyRef, r, x + 2)) {
			AccountStore.Cold c = cold();
			c.allocateOutflows();
			c.outTx[i] = leg.txId();
			flags |= OUT_TX_TEXT;
		}
		int payee = leg.counterpartyId;
		if (payee < 0 || this.store.names == null) {
			AccountStore.Cold c = cold();
			c.allocateOutflows();
			c.outPayee[i] = leg.counterparty();
			flags |= OUT_PAYEE_TEXT;
			payee = -1;
		}
		r[x + 4] = flags | (payee & 0xFFFFFFFFL);
	}

	/** Keeps a large outflow read from the binary form. */
	void setOut(int i, long time, long fen, String txId, String payee) {
		int x = this.b + AccountStore.OUT_AT + 5 * i;
		this.a[x] = time;
		this.a[x + 1] = fen;
		AccountStore.Cold c = cold();
		c.allocateOutflows();
		c.outTx[i] = txId;
		c.outPayee[i] = payee;
		this.a[x + 4] = OUT_TX_TEXT | OUT_PAYEE_TEXT | 0xFFFFFFFFL;
	}

	String outTx(int i) {
		int x = this.b + AccountStore.OUT_AT + 5 * i;
		return ((this.a[x + 4] & OUT_TX_TEXT) != 0) ? coldOrNull().outTx[i]
				: AccountIndex.unpack(this.a[x + 2], this.a[x + 3]);
	}

	String outPayee(int i) {
		long ref = this.a[this.b + AccountStore.OUT_AT + 5 * i + 4];
		return ((ref & OUT_PAYEE_TEXT) != 0) ? coldOrNull().outPayee[i] : this.store.names.apply((int) ref);
	}

	void moveOut(int from, int to) {
		if (from == to) {
			return;
		}
		int f = this.b + AccountStore.OUT_AT + 5 * from;
		System.arraycopy(this.a, f, this.a, this.b + AccountStore.OUT_AT + 5 * to, 5);
		if ((this.a[f + 4] & (OUT_TX_TEXT | OUT_PAYEE_TEXT)) != 0) {
			AccountStore.Cold c = coldOrNull();
			c.outTx[to] = c.outTx[from];
			c.outPayee[to] = c.outPayee[from];
		}
	}

	/** The rare parts, allocated on first use. */
	AccountStore.Cold cold() {
		return this.store.cold(this.id);
	}

	/** The rare parts or null. */
	AccountStore.Cold coldOrNull() {
		return this.store.coldOrNull(this.id);
	}

	/**
	 * Time (epoch millis) of the latest leg seen, or {@link Long#MIN_VALUE} when none.
	 */
	public long lastActivity() {
		return getl(L_LAST_TIME);
	}

	/**
	 * The counterparty hash both runtimes use (String.hashCode is fixed by the JLS, then
	 * mixed); never 0.
	 */
	public static int hash(String account) {
		int h = account.hashCode() * 0x9E3779B9;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		return (h == 0) ? 1 : h;
	}

	boolean sampled(int h) {
		return Integer.numberOfLeadingZeros(h) >= geti(LEVEL);
	}

	/**
	 * The page of the counterparty table: slot fields are at the indexes
	 * {@link #find}/{@link #findOrInsert} return, plus 0 (hash), 1 (yuan paid in,
	 * saturating), 2 (info = lastInDay(16) | lastMemoDay(15) | was payee(1)), 3 (id of
	 * the last batch of small payouts it received).
	 */
	int[] cp() {
		return this.store.cpPage(geti(CP_OFF));
	}

	/** Index of h's slot in {@link #cp()}, or -1 when absent. */
	int find(int h) {
		long cp = this.a[this.b + L_CP];
		int slots = (int) (cp >>> 32);
		if (slots == 0) {
			return -1;
		}
		int off = (int) cp;
		int[] t = this.store.cpPage(off);
		int base = off & AccountStore.CP_PAGE_MASK;
		int m = slots - 1;
		for (int i = h & m;; i = (i + 1) & m) {
			int j = base + (i << 2);
			int k = t[j];
			if (k == h) {
				return j;
			}
			if (k == 0) {
				return -1;
			}
		}
	}

	/** Index of h's slot, inserted when absent; -1 when h falls outside the sample. */
	int findOrInsert(int h, int maxEntries) {
		int i = find(h);
		return (i >= 0) ? i : insert(h, maxEntries);
	}

	/**
	 * Index of the slot of h, which {@link #find} did not find, inserted; -1 when h falls
	 * outside the sample.
	 */
	int insert(int h, int maxEntries) {
		if (geti(CP_SLOTS) == 0) {
			seti(CP_OFF, this.store.allocate(8));
			seti(CP_SLOTS, 8);
		}
		if (geti(SIZE) + 1 > maxEntries) {
			do {
				seti(LEVEL, geti(LEVEL) + 1);
				rehash(geti(CP_SLOTS));
			}
			while (geti(SIZE) > maxEntries * 3 / 4 && geti(LEVEL) < 31);
			if (!sampled(h)) {
				return -1;
			}
		}
		int slots = geti(CP_SLOTS);
		if ((geti(SIZE) + 1) * 4 > slots * 3) {
			rehash(slots * 2);
			slots *= 2;
		}
		int off = geti(CP_OFF);
		int[] t = this.store.cpPage(off);
		int base = off & AccountStore.CP_PAGE_MASK;
		int m = slots - 1;
		int j = h & m;
		while (t[base + (j << 2)] != 0) {
			j = (j + 1) & m;
		}
		t[base + (j << 2)] = h;
		addi(SIZE, 1);
		return base + (j << 2);
	}

	/**
	 * Takes a whole counterparty table read from the binary form (a state of its own).
	 */
	void adoptTable(int[] t) {
		seti(CP_OFF, this.store.adopt(t));
		seti(CP_SLOTS, t.length >> 2);
	}

	private void rehash(int slots) {
		int oldOff = geti(CP_OFF);
		int oldSlots = geti(CP_SLOTS);
		int[] old = this.store.cpPage(oldOff);
		int ob = oldOff & AccountStore.CP_PAGE_MASK;
		int off = this.store.allocate(slots);
		int[] t = this.store.cpPage(off);
		int base = off & AccountStore.CP_PAGE_MASK;
		int m = slots - 1;
		int size = 0;
		for (int s = ob; s < ob + (oldSlots << 2); s += 4) {
			int h = old[s];
			if (h != 0 && sampled(h)) {
				int j = h & m;
				while (t[base + (j << 2)] != 0) {
					j = (j + 1) & m;
				}
				System.arraycopy(old, s, t, base + (j << 2), 4);
				size++;
			}
		}
		this.store.free(oldOff, oldSlots);
		seti(CP_OFF, off);
		seti(CP_SLOTS, slots);
		seti(SIZE, size);
	}

	/** Recomputes the used-day bits from the ring (after reading a state). */
	void recomputeRingUsed() {
		int used = 0;
		for (int i = 0; i < RING; i++) {
			int c = ring(i);
			if (this.a[c] != 0 || this.a[c + 1] != 0 || this.a[c + 2] != 0 || firstMs(i) != -1) {
				used |= 1 << i;
			}
		}
		seti(RING_USED, used);
	}

	/**
	 * Moves the ring to {@code day}, expiring days that leave the two windows: the days
	 * {@code (cur - w, min(cur, day - w)]} leave a window of w days, then the slots of
	 * the days {@code (cur, day]} are cleared for reuse. Only slots that hold inflows are
	 * read (unused slots are all zero, skipping them changes nothing).
	 */
	void advance(int day, int scatterWindow, int surgeWindow) {
		int cur = geti(CUR_DAY);
		if (cur == Integer.MIN_VALUE) {
			seti(CUR_DAY, day);
			return;
		}
		if (day <= cur) {
			return;
		}
		int used = geti(RING_USED);
		if (used != 0) {
			long[] r = this.a;
			int gone = used & days(cur - scatterWindow + 1, Math.min(cur, day - scatterWindow));
			if (gone != 0) {
				long fen = 0;
				int count = 0;
				int big = 0;
				int distinct = 0;
				int fresh = 0;
				for (; gone != 0; gone &= gone - 1) {
					int x = ring(Integer.numberOfTrailingZeros(gone));
					fen += r[x];
					count += (int) (r[x + 1] >>> 32);
					big += (int) r[x + 1];
					distinct += (int) (r[x + 2] >>> 32);
					fresh += (int) r[x + 2];
				}
				setl(L_S_IN_FEN, getl(L_S_IN_FEN) - fen);
				addi(S_COUNT, -count);
				addi(S_BIG, -big);
				addi(S_DISTINCT, -distinct);
				addi(S_NEW, -fresh);
			}
			gone = used & days(cur - surgeWindow + 1, Math.min(cur, day - surgeWindow));
			if (gone != 0) {
				long fen = 0;
				int count = 0;
				int fresh = 0;
				for (; gone != 0; gone &= gone - 1) {
					int x = ring(Integer.numberOfTrailingZeros(gone));
					fen += r[x];
					count += (int) (r[x + 1] >>> 32);
					fresh += (int) r[x + 2];
				}
				setl(L_G_IN_FEN, getl(L_G_IN_FEN) - fen);
				addi(G_COUNT, -count);
				addi(G_NEW, -fresh);
			}
			int clear = used & days(cur + 1, Math.min(day, cur + RING));
			for (int c = clear; c != 0; c &= c - 1) {
				int i = Integer.numberOfTrailingZeros(c);
				int x = ring(i);
				r[x] = 0;
				r[x + 1] = 0;
				r[x + 2] = 0;
				firstMs(i, -1);
			}
			seti(RING_USED, used & ~clear);
		}
		seti(CUR_DAY, day);
	}

	/**
	 * Bit mask of the ring slots of the days {@code [from, to]} (empty when to < from).
	 */
	static int days(int from, int to) {
		int n = to - from + 1;
		if (n <= 0) {
			return 0;
		}
		if (n >= RING) {
			return (1 << RING) - 1;
		}
		int m = (1 << n) - 1;
		int shift = from & MASK;
		return ((m << shift) | (m >>> (RING - shift))) & ((1 << RING) - 1);
	}

	/** Approximate heap bytes of this state (record, table, rare parts). */
	public long estimatedBytes() {
		return this.store.estimatedBytes(this.id);
	}

	/** Writes the whole state (for Flink's {@code ValueState<byte[]>}). */
	public void writeTo(DataOutput out) {
		try {
			StateCodec.write(this, out, VERSION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads a state written by {@link #writeTo(DataOutput)}. */
	public static AccountState readFrom(DataInput in) {
		try {
			return StateCodec.read(in, VERSION);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
