package org.fangfei.detect.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.fangfei.detect.Pattern;
import org.fangfei.detect.graph.GraphStage;

/**
 * Everything the detector keeps about one account, bounded whatever the account's
 * traffic: a view of the account's record in an {@link AccountStore}. The
 * {@link Detector} owns the logic; {@link AccountRecord} lays out and names the fields of
 * the record, this class adds the counterparty set, the day ring's upkeep and the kept
 * outflows.
 *
 * <p>
 * {@code new AccountState()} is a state of its own (a store of one account, as the Flink
 * job keeps per key); {@link AccountStore#at(int)} is a view that {@code scan} moves from
 * account to account. Size: an 864-byte record (scalars, 16-day ring of inflow
 * aggregates, first inflow times, up to four large outflows), a counterparty table of 16
 * bytes a slot that grows to at most {@code 2 × state.maxCounterparties} slots (32 KiB
 * with the default 1024), after which it keeps a hash-defined sample of counterparties
 * (distinct sampling: level L keeps hashes with L leading zero bits, counts are scaled by
 * 2^L), and, for the few accounts that need them, the recorded batches and transfer ids
 * held as text. See {@code docs/detector.md}.
 */
public final class AccountState extends AccountRecord {

	static final long NONE = Long.MIN_VALUE;

	/** Days in the ring of inflow aggregates. */
	static final int RING = 16;

	static final int MASK = RING - 1;

	/** Recorded batches kept. */
	static final int BATCHES = 8;

	/** Large outflows kept. */
	static final int OUTS = 4;

	private static final int VERSION = 2;

	/** Flags in the high half of a kept outflow's fifth long. */
	private static final long OUT_TX_TEXT = 1L << 32;

	private static final long OUT_PAYEE_TEXT = 2L << 32;

	private AccountStore store;

	private int id;

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
		setInt(a, b, I_CUR_DAY, Integer.MIN_VALUE);
		a[b + L_BATCH_START] = NONE;
		a[b + L_MEMO_BUCKET] = NONE;
		a[b + L_MEMO_CUR_FIRST] = NONE;
		a[b + L_MEMO_PREV_FIRST] = NONE;
		setInt(a, b, I_INV_BUCKET, Integer.MIN_VALUE);
		for (int p = 0; p < Pattern.values().length; p++) {
			a[b + LAST_ALERT_AT + p] = NONE;
		}
	}

	/** Time of kept large outflow {@code i}. */
	long outTime(int i) {
		return this.a[this.b + OUT_AT + 5 * i];
	}

	long outFen(int i) {
		return this.a[this.b + OUT_AT + 5 * i + 1];
	}

	/**
	 * Keeps the leg as large outflow {@code i}: its transfer id packed in two longs and
	 * its payee as an account id when {@code scan} gives them, else as text.
	 */
	void setOut(int i, long time, long fen, Leg leg) {
		long[] r = this.a;
		int x = this.b + OUT_AT + 5 * i;
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
		int x = this.b + OUT_AT + 5 * i;
		this.a[x] = time;
		this.a[x + 1] = fen;
		AccountStore.Cold c = cold();
		c.allocateOutflows();
		c.outTx[i] = txId;
		c.outPayee[i] = payee;
		this.a[x + 4] = OUT_TX_TEXT | OUT_PAYEE_TEXT | 0xFFFFFFFFL;
	}

	String outTx(int i) {
		int x = this.b + OUT_AT + 5 * i;
		return ((this.a[x + 4] & OUT_TX_TEXT) != 0) ? coldOrNull().outTx[i]
				: AccountIndex.unpack(this.a[x + 2], this.a[x + 3]);
	}

	String outPayee(int i) {
		long ref = this.a[this.b + OUT_AT + 5 * i + 4];
		return ((ref & OUT_PAYEE_TEXT) != 0) ? coldOrNull().outPayee[i] : this.store.names.apply((int) ref);
	}

	void moveOut(int from, int to) {
		if (from == to) {
			return;
		}
		int f = this.b + OUT_AT + 5 * from;
		System.arraycopy(this.a, f, this.a, this.b + OUT_AT + 5 * to, 5);
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
		return lastTime();
	}

	/**
	 * The counterparty hash both runtimes use (String.hashCode is fixed by the JLS, then
	 * mixed); never 0.
	 */
	public static int hash(String account) {
		return GraphStage.hash(account);
	}

	boolean sampled(int h) {
		return Integer.numberOfLeadingZeros(h) >= level();
	}

	/**
	 * The page of the counterparty table: a slot's fields are read at the index
	 * {@link #find}/{@link #findOrInsert} return, with the slot accessors of
	 * {@link AccountRecord} ({@code paidInYuan(cp, slot)} …).
	 */
	int[] cp() {
		return this.store.cpPage(tableOffset());
	}

	/** Index of h's slot in {@link #cp()}, or -1 when absent. */
	int find(int h) {
		int slots = tableSlots();
		if (slots == 0) {
			return -1;
		}
		int off = tableOffset();
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
		if (tableSlots() == 0) {
			tableOffset(this.store.allocate(8));
			tableSlots(8);
		}
		if (tableSize() + 1 > maxEntries) {
			do {
				level(level() + 1);
				rehash(tableSlots());
			}
			while (tableSize() > maxEntries * 3 / 4 && level() < 31);
			if (!sampled(h)) {
				return -1;
			}
		}
		int slots = tableSlots();
		if ((tableSize() + 1) * 4 > slots * 3) {
			rehash(slots * 2);
			slots *= 2;
		}
		int off = tableOffset();
		int[] t = this.store.cpPage(off);
		int base = off & AccountStore.CP_PAGE_MASK;
		int m = slots - 1;
		int j = h & m;
		while (t[base + (j << 2)] != 0) {
			j = (j + 1) & m;
		}
		t[base + (j << 2) + CP_HASH] = h;
		tableSize(tableSize() + 1);
		return base + (j << 2);
	}

	/**
	 * Takes a whole counterparty table read from the binary form (a state of its own).
	 */
	void adoptTable(int[] t) {
		tableOffset(this.store.adopt(t));
		tableSlots(t.length >> 2);
	}

	private void rehash(int slots) {
		int oldOff = tableOffset();
		int oldSlots = tableSlots();
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
		tableOffset(off);
		tableSlots(slots);
		tableSize(size);
	}

	/** Recomputes the used-day bits from the ring (after reading a state). */
	void recomputeRingUsed() {
		int used = 0;
		for (int i = 0; i < RING; i++) {
			if (dayWord(i, 0) != 0 || dayWord(i, 1) != 0 || dayWord(i, 2) != 0 || firstMs(i) != -1) {
				used |= 1 << i;
			}
		}
		ringUsed(used);
	}

	/**
	 * Moves the ring to {@code day}, expiring days that leave the two windows: the days
	 * {@code (cur - w, min(cur, day - w)]} leave a window of w days, then the slots of
	 * the days {@code (cur, day]} are cleared for reuse. Only slots that hold inflows are
	 * read (unused slots are all zero, skipping them changes nothing).
	 */
	void advance(int day, int scatterWindow, int surgeWindow) {
		int cur = curDay();
		if (cur == Integer.MIN_VALUE) {
			curDay(day);
			return;
		}
		if (day <= cur) {
			return;
		}
		int used = ringUsed();
		if (used != 0) {
			int gone = used & days(cur - scatterWindow + 1, Math.min(cur, day - scatterWindow));
			if (gone != 0) {
				long fen = 0;
				int count = 0;
				int big = 0;
				int distinct = 0;
				int fresh = 0;
				for (; gone != 0; gone &= gone - 1) {
					int slot = Integer.numberOfTrailingZeros(gone);
					fen += dayFen(slot);
					count += dayCount(slot);
					big += dayBig(slot);
					distinct += dayDistinct(slot);
					fresh += dayNew(slot);
				}
				scatterInFen(scatterInFen() - fen);
				scatterCount(scatterCount() - count);
				scatterBig(scatterBig() - big);
				scatterDistinct(scatterDistinct() - distinct);
				scatterNew(scatterNew() - fresh);
			}
			gone = used & days(cur - surgeWindow + 1, Math.min(cur, day - surgeWindow));
			if (gone != 0) {
				long fen = 0;
				int count = 0;
				int fresh = 0;
				for (; gone != 0; gone &= gone - 1) {
					int slot = Integer.numberOfTrailingZeros(gone);
					fen += dayFen(slot);
					count += dayCount(slot);
					fresh += dayNew(slot);
				}
				surgeInFen(surgeInFen() - fen);
				surgeCount(surgeCount() - count);
				surgeNew(surgeNew() - fresh);
			}
			int clear = used & days(cur + 1, Math.min(day, cur + RING));
			for (int c = clear; c != 0; c &= c - 1) {
				clearDay(Integer.numberOfTrailingZeros(c));
			}
			ringUsed(used & ~clear);
		}
		curDay(day);
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
