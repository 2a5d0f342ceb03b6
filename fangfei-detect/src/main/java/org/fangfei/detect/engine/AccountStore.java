package org.fangfei.detect.engine;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The detector state of many accounts in a few large primitive arrays, indexed by a dense
 * account id: no object per account, no pointers to chase, nothing for the garbage
 * collector to trace, and the data a leg uses packed into few cache lines.
 *
 * <p>
 * Each account has a record of 108 longs (864 bytes, laid out by {@link AccountRecord}):
 * 32 longs of scalars (the hot ones first, ints packed two to a long), the 16-day ring of
 * inflow aggregates (three longs a day), the millis of each day's first inflow (16 ints)
 * and up to four large outflows (five longs each). Records live in pages of 1024
 * accounts. The counterparty tables (four ints a slot) are carved out of 4 MiB int pages
 * by size class, a table that grows goes back to a free list. The rare parts (recorded
 * batches; transfer ids and payees held as text) are small objects allocated on first
 * use. {@link AccountState} is a view of one record; a state of its own (the Flink job
 * keeps one per key) is a store of one account whose arrays are exactly sized. See
 * {@code docs/detector.md} for the layout.
 */
public final class AccountStore {

	/** Longs per account record ({@link AccountRecord} lays them out). */
	private static final int STRIDE = AccountRecord.STRIDE;

	private static final int HOT = AccountRecord.HOT_LONGS;

	private static final int PAGE_SHIFT = 10;

	private static final int PAGE_MASK = (1 << PAGE_SHIFT) - 1;

	static final int CP_PAGE_SHIFT = 20;

	static final int CP_PAGE_MASK = (1 << CP_PAGE_SHIFT) - 1;

	/** One account whose arrays are sized exactly (a state of its own). */
	private final boolean single;

	private long[][] records;

	private int[][] cpPages;

	/** Bump allocation in the last counterparty page. */
	private int cpPage = -1;

	private int cpUsed;

	/** Per size class (table of 8 << c slots): head of the free list, offset + 1. */
	private int[] cpFree;

	private Cold[] cold;

	private int size;

	private AccountState view;

	/**
	 * The account name of an id, when the store's ids are those of an account index (then
	 * a kept outflow refers to its payee by id instead of by String).
	 */
	IntFunction<String> names;

	/** An empty store for many accounts. */
	public AccountStore() {
		this(false);
	}

	/**
	 * An empty store for many accounts whose ids name accounts: {@code names} gives the
	 * account of an id, so legs can refer to their counterparty by
	 * {@link Leg#counterpartyId}.
	 */
	public AccountStore(IntFunction<String> names) {
		this(false);
		this.names = names;
	}

	private AccountStore(boolean single) {
		this.single = single;
		if (single) {
			this.records = new long[][] { new long[STRIDE] };
			this.cpPages = new int[1][];
			this.cold = new Cold[1];
		}
		else {
			this.records = new long[16][];
			this.cpPages = new int[16][];
			this.cpFree = new int[32];
			this.cold = new Cold[1 << 12];
		}
	}

	/** A store holding exactly one account (id 0). */
	static AccountStore ofOne() {
		AccountStore s = new AccountStore(true);
		s.size = 1;
		AccountState.init(s.records[0], 0);
		return s;
	}

	/** Number of accounts. */
	public int size() {
		return this.size;
	}

	/** Adds an empty account; returns its id (ids are 0, 1, 2, …). */
	public int add() {
		if (this.single) {
			throw new IllegalStateException("a single-account store is full");
		}
		int id = this.size;
		int page = id >>> PAGE_SHIFT;
		if (page == this.records.length) {
			this.records = Arrays.copyOf(this.records, page * 2);
		}
		if (this.records[page] == null) {
			this.records[page] = new long[STRIDE << PAGE_SHIFT];
		}
		if (id == this.cold.length) {
			this.cold = Arrays.copyOf(this.cold, id * 2);
		}
		AccountState.init(this.records[page], (id & PAGE_MASK) * STRIDE);
		this.size = id + 1;
		return id;
	}

	/**
	 * The store's one reusable view, pointed at account {@code id}: pass it to
	 * {@link Detector#onLeg}; valid until the next call.
	 */
	public AccountState at(int id) {
		AccountState v = this.view;
		if (v == null) {
			v = new AccountState(this);
			this.view = v;
		}
		return v.at(id);
	}

	/** The page holding the record of {@code id}. */
	long[] records(int id) {
		return this.records[id >>> PAGE_SHIFT];
	}

	/** Index of the record of {@code id} in {@link #records(int)}. */
	static int base(int id) {
		return (id & PAGE_MASK) * STRIDE;
	}

	/** The page holding the counterparty table at {@code offset}. */
	int[] cpPage(int offset) {
		return this.cpPages[offset >>> CP_PAGE_SHIFT];
	}

	Cold cold(int id) {
		Cold c = this.cold[id];
		if (c == null) {
			c = new Cold();
			this.cold[id] = c;
		}
		return c;
	}

	/** The rare parts, or null when the account never needed them. */
	Cold coldOrNull(int id) {
		return this.cold[id];
	}

	/**
	 * Allocates a zeroed counterparty table of {@code slots} slots (a power of two ≥ 8);
	 * returns its offset.
	 */
	int allocate(int slots) {
		int ints = slots << 2;
		if (this.single) {
			this.cpPages[0] = new int[ints];
			return 0;
		}
		int c = Integer.numberOfTrailingZeros(slots) - 3;
		int head = this.cpFree[c];
		if (head != 0) {
			int off = head - 1;
			int[] t = cpPage(off);
			int base = off & CP_PAGE_MASK;
			this.cpFree[c] = t[base];
			Arrays.fill(t, base, base + ints, 0);
			return off;
		}
		if (ints > (1 << (CP_PAGE_SHIFT - 1))) {
			// A very large table (state.maxCounterparties far above the default) gets a
			// page of its own.
			int page = newCpPage(ints);
			this.cpUsed = ints;
			return page << CP_PAGE_SHIFT;
		}
		if (this.cpPage < 0 || this.cpUsed + ints > this.cpPages[this.cpPage].length) {
			newCpPage(1 << CP_PAGE_SHIFT);
		}
		int off = (this.cpPage << CP_PAGE_SHIFT) | this.cpUsed;
		this.cpUsed += ints;
		return off;
	}

	private int newCpPage(int ints) {
		int page = this.cpPage + 1;
		if (page == this.cpPages.length) {
			this.cpPages = Arrays.copyOf(this.cpPages, page * 2);
		}
		this.cpPages[page] = new int[ints];
		this.cpPage = page;
		this.cpUsed = 0;
		return page;
	}

	/** Takes a table as it is (a single-account store read from its binary form). */
	int adopt(int[] table) {
		if (!this.single) {
			throw new IllegalStateException("only a single-account store adopts a table");
		}
		this.cpPages[0] = table;
		return 0;
	}

	/** Gives a table back for reuse. */
	void free(int offset, int slots) {
		if (this.single) {
			return;
		}
		int c = Integer.numberOfTrailingZeros(slots) - 3;
		int[] t = cpPage(offset);
		t[offset & CP_PAGE_MASK] = this.cpFree[c];
		this.cpFree[c] = offset + 1;
	}

	/**
	 * Loads every cache line of the part of the record of {@code id} a leg may touch
	 * ({@link AccountRecord#HOT_LONGS}), without changing anything.
	 */
	public long prefetchRecord(int id) {
		long[] a = this.records[id >>> PAGE_SHIFT];
		int b = base(id);
		long v = 0;
		for (int i = 0; i < HOT; i += 8) {
			v += a[b + i];
		}
		return v + a[b + HOT - 1];
	}

	/**
	 * Loads every cache line of the counterparty table of {@code id} when it has at most
	 * {@code maxSlots} slots, without changing anything.
	 */
	public long prefetchTable(int id, int maxSlots) {
		long[] a = this.records[id >>> PAGE_SHIFT];
		int b = base(id);
		int slots = AccountRecord.tableSlots(a, b);
		if (slots == 0 || slots > maxSlots) {
			return 0;
		}
		int off = AccountRecord.tableOffset(a, b);
		int[] t = cpPage(off);
		int from = off & CP_PAGE_MASK;
		long v = 0;
		int end = from + (slots << 2);
		for (int i = from; i < end; i += 16) {
			v += t[i];
		}
		// The table need not start on a cache line: its last line too.
		return v + t[end - 1];
	}

	/**
	 * Loads, without changing anything, the counterparty slot where a counterparty of
	 * that {@link AccountState#hash(String)} is looked up first.
	 */
	public long prefetchSlot(int id, int counterpartyHash) {
		long[] a = this.records[id >>> PAGE_SHIFT];
		int b = base(id);
		int slots = AccountRecord.tableSlots(a, b);
		if (slots == 0) {
			return 0;
		}
		int off = AccountRecord.tableOffset(a, b);
		return cpPage(off)[(off & CP_PAGE_MASK) + ((counterpartyHash & (slots - 1)) << 2)];
	}

	/** Approximate heap bytes of the account (its record, table and rare parts). */
	public long estimatedBytes(int id) {
		long[] a = records(id);
		int b = base(id);
		long bytes = STRIDE * 8L + 16L * AccountRecord.tableSlots(a, b);
		Cold c = this.cold[id];
		if (c != null) {
			bytes += c.estimatedBytes();
		}
		return bytes;
	}

	/** Time (epoch millis) of the latest leg of {@code id}, or {@link Long#MIN_VALUE}. */
	public long lastActivity(int id) {
		return AccountRecord.getLong(records(id), base(id), AccountRecord.L_LAST_TIME);
	}

	/** The parts of a state few accounts need, allocated on first use. */
	static final class Cold {

		/**
		 * Transfer id and payee of kept outflows whose record entry says they are held as
		 * text (from a String leg, or an id too long to pack).
		 */
		String[] outTx;

		String[] outPayee;

		// Closed batches, ring of BATCHES.
		long[] bStart;

		int[] bCount;

		long[] bFen;

		double[] bOverlap;

		double[] bYield;

		void allocateOutflows() {
			if (this.outTx == null) {
				this.outTx = new String[AccountState.OUTS];
				this.outPayee = new String[AccountState.OUTS];
			}
		}

		void allocateBatches() {
			this.bStart = new long[AccountState.BATCHES];
			this.bCount = new int[AccountState.BATCHES];
			this.bFen = new long[AccountState.BATCHES];
			this.bOverlap = new double[AccountState.BATCHES];
			this.bYield = new double[AccountState.BATCHES];
		}

		long estimatedBytes() {
			long b = 16 + 9 * 4;
			if (this.outTx != null) {
				b += 2 * (16 + AccountState.OUTS * 4);
			}
			if (this.bStart != null) {
				b += 5 * (16 + AccountState.BATCHES * 8);
			}
			return b;
		}

	}

}
