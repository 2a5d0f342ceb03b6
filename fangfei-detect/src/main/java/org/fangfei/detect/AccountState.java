package org.fangfei.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Everything the detector keeps about one account, bounded whatever the account's
 * traffic. The {@link Detector} owns the logic; this class holds primitive arrays and the
 * counterparty set.
 *
 * <p>
 * Size: about 700 bytes for an ordinary account (16-day ring of inflow aggregates, small
 * counterparty table, batch and memo aggregates); the counterparty table grows to at most
 * {@code 2 × state.maxCounterparties} slots of 12 bytes (24 KiB with the default 1024),
 * after which it keeps a hash-defined sample of counterparties (distinct sampling: level
 * L keeps hashes with L leading zero bits, counts are scaled by 2^L). See
 * {@code docs/detector.md}.
 */
public final class AccountState {

	static final long NONE = Long.MIN_VALUE;

	static final int RING = 16;

	static final int MASK = RING - 1;

	static final int BATCHES = 8;

	static final int OUTS = 4;

	private static final int VERSION = 1;

	long firstTime = NONE;

	long lastTime = NONE;

	int firstDay;

	int curDay = Integer.MIN_VALUE;

	/**
	 * Per-day inflow aggregates, ring of RING days ending at curDay, four longs per day
	 * (one cache line): fen in; count in (high) | big tickets (low); distinct payers
	 * (high) | new payers (low); millis of the day's first inflow (-1 none).
	 */
	final long[] ring = new long[RING * 4];

	/**
	 * Bit i set when day slot i of {@link #ring} may hold data (not all zero with first
	 * time -1): {@link #advance} only reads and clears those, so an account with few
	 * inflow days touches few ring lines. Derived from the ring, not serialised.
	 */
	int ringUsed;

	// Running sums over the scatter window (s*) and the surge window (g*).
	long sInFen;

	int sCount;

	int sDistinct;

	int sNew;

	int sBig;

	long gInFen;

	int gCount;

	int gNew;

	/** New counterparties over the account's life (estimate when sampling). */
	long totalNew;

	/**
	 * Counterparty set, open addressing, four ints per slot: hash (0 = empty); yuan paid
	 * in (saturating); info = lastInDay(16) | lastMemoDay(15) | was payee(1); id of the
	 * last batch of small payouts it received.
	 */
	int[] cp;

	int size;

	int level;

	// Large outflows kept for the gather-out test.
	long[] outTime;

	long[] outFen;

	String[] outTx;

	String[] outPayee;

	int outN;

	// Current batch of small outflows.
	long batchStart = NONE;

	int batchCount;

	int batchSampled;

	int batchKnown;

	int batchRepeat;

	long batchFen;

	long batchKnownPayoutFen;

	long batchKnownPaidYuan;

	// Closed batches, ring of BATCHES.
	long[] bStart;

	int[] bCount;

	long[] bFen;

	double[] bOverlap;

	double[] bYield;

	int bN;

	// Memo: two half-window buckets.
	long memoBucket = NONE;

	int memoCurPayers;

	int memoPrevPayers;

	int memoCurTx;

	int memoPrevTx;

	long memoCurFen;

	long memoPrevFen;

	long memoCurFirst = NONE;

	long memoPrevFirst = NONE;

	int memoCurWords;

	int memoPrevWords;

	/** Last alert time per pattern (by ordinal), for the cool-down. */
	final long[] lastAlert = new long[Pattern.values().length];

	public AccountState() {
		Arrays.fill(this.lastAlert, NONE);
		for (int i = 0; i < RING; i++) {
			this.ring[i * 4 + 3] = -1;
		}
	}

	/**
	 * Time (epoch millis) of the latest leg seen, or {@link Long#MIN_VALUE} when none.
	 */
	public long lastActivity() {
		return this.lastTime;
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
		return Integer.numberOfLeadingZeros(h) >= this.level;
	}

	/** Base index of h in {@link #cp}, or -1 when absent. */
	int find(int h) {
		int[] t = this.cp;
		if (t == null) {
			return -1;
		}
		int m = (t.length >> 2) - 1;
		for (int i = h & m;; i = (i + 1) & m) {
			int k = t[i << 2];
			if (k == h) {
				return i << 2;
			}
			if (k == 0) {
				return -1;
			}
		}
	}

	/** Base index of h, inserted when absent; -1 when h falls outside the sample. */
	int findOrInsert(int h, int maxEntries) {
		int i = find(h);
		if (i >= 0) {
			return i;
		}
		if (this.cp == null) {
			this.cp = new int[8 * 4];
		}
		if (this.size + 1 > maxEntries) {
			do {
				this.level++;
				rehash(this.cp.length >> 2);
			}
			while (this.size > maxEntries * 3 / 4 && this.level < 31);
			if (!sampled(h)) {
				return -1;
			}
		}
		if ((this.size + 1) * 4 > (this.cp.length >> 2) * 3) {
			rehash((this.cp.length >> 2) * 2);
		}
		int m = (this.cp.length >> 2) - 1;
		int j = h & m;
		while (this.cp[j << 2] != 0) {
			j = (j + 1) & m;
		}
		this.cp[j << 2] = h;
		this.size++;
		return j << 2;
	}

	private void rehash(int slots) {
		int[] old = this.cp;
		int[] t = new int[slots * 4];
		int m = slots - 1;
		this.size = 0;
		for (int s = 0; s < old.length; s += 4) {
			int h = old[s];
			if (h != 0 && sampled(h)) {
				int j = h & m;
				while (t[j << 2] != 0) {
					j = (j + 1) & m;
				}
				System.arraycopy(old, s, t, j << 2, 4);
				this.size++;
			}
		}
		this.cp = t;
	}

	/**
	 * Loads, without changing anything, the memory {@link Detector#onLeg} will use for a
	 * leg at {@code time} with a counterparty of that {@link #hash(String)}. A caller
	 * that feeds many accounts can call it for a batch of legs first, so the cache misses
	 * of the batch overlap instead of queueing one after the other ({@code scan} does);
	 * the result only keeps the loads from being optimised away.
	 */
	public long prefetch(long time, int counterpartyHash) {
		return touch((int) Math.floorDiv(time, Detector.DAY), counterpartyHash);
	}

	/**
	 * Reads the memory a leg of that day with that counterparty will use, without
	 * changing anything: {@link Scan} calls it for a batch of legs first, so the cache
	 * misses of many accounts overlap instead of queueing one after the other.
	 */
	long touch(int day, int h) {
		long[] r = this.ring;
		long v = this.batchStart + this.memoBucket + this.sInFen + this.gInFen + this.totalNew + this.firstTime
				+ this.outN + this.curDay + this.level + this.bN + this.gNew;
		int used = this.ringUsed;
		if (day > this.curDay) {
			// advance() reads and clears the used day slots.
			for (int i = 0; i < RING; i++) {
				if ((used & (1 << i)) != 0) {
					v += r[i << 2];
				}
			}
		}
		v += r[(day & MASK) << 2];
		int[] t = this.cp;
		if (t != null) {
			v += t[(h & ((t.length >> 2) - 1)) << 2];
		}
		return v;
	}

	/**
	 * Allocates the large-outflow arrays on first use (most accounts never need them).
	 */
	void allocateOutflows() {
		this.outTime = new long[OUTS];
		this.outFen = new long[OUTS];
		this.outTx = new String[OUTS];
		this.outPayee = new String[OUTS];
	}

	/** Allocates the recorded-batch arrays on first use. */
	void allocateBatches() {
		this.bStart = new long[BATCHES];
		this.bCount = new int[BATCHES];
		this.bFen = new long[BATCHES];
		this.bOverlap = new double[BATCHES];
		this.bYield = new double[BATCHES];
	}

	/** Recomputes {@link #ringUsed} from the ring (after reading a state). */
	void recomputeRingUsed() {
		int used = 0;
		for (int i = 0; i < RING; i++) {
			int c = i << 2;
			if (this.ring[c] != 0 || this.ring[c + 1] != 0 || this.ring[c + 2] != 0 || this.ring[c + 3] != -1) {
				used |= 1 << i;
			}
		}
		this.ringUsed = used;
	}

	/** Moves the ring to {@code day}, expiring days that leave the two windows. */
	void advance(int day, int scatterWindow, int surgeWindow) {
		if (this.curDay == Integer.MIN_VALUE) {
			this.curDay = day;
			return;
		}
		if (day <= this.curDay) {
			return;
		}
		int steps = Math.min(day - this.curDay, RING);
		long[] r = this.ring;
		int used = this.ringUsed;
		// Unused slots are all zero (first time -1): skipping them changes nothing.
		for (int t = this.curDay + 1, n = 0; n < steps && used != 0; t++, n++) {
			int si = (t - scatterWindow) & MASK;
			if ((used & (1 << si)) != 0) {
				int s = si << 2;
				this.sInFen -= r[s];
				this.sCount -= (int) (r[s + 1] >>> 32);
				this.sBig -= (int) r[s + 1];
				this.sDistinct -= (int) (r[s + 2] >>> 32);
				this.sNew -= (int) r[s + 2];
			}
			int gi = (t - surgeWindow) & MASK;
			if ((used & (1 << gi)) != 0) {
				int g = gi << 2;
				this.gInFen -= r[g];
				this.gCount -= (int) (r[g + 1] >>> 32);
				this.gNew -= (int) r[g + 2];
			}
			int ci = t & MASK;
			if ((used & (1 << ci)) != 0) {
				int c = ci << 2;
				r[c] = 0;
				r[c + 1] = 0;
				r[c + 2] = 0;
				r[c + 3] = -1;
				used &= ~(1 << ci);
			}
		}
		this.ringUsed = used;
		this.curDay = day;
	}

	/** Approximate heap bytes of this state (arrays and fields), for sizing. */
	public long estimatedBytes() {
		long b = 16 + 60 * 8 + (16 + RING * 32) + 16 + 4 * 8;
		if (this.outTime != null) {
			b += 4 * (16 + OUTS * 8);
		}
		if (this.bStart != null) {
			b += 5 * (16 + BATCHES * 8);
		}
		if (this.cp != null) {
			b += 16 + 4L * this.cp.length;
		}
		return b;
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
