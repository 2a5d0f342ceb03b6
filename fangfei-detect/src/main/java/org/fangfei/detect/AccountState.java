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

	static final int OUTS = 8;

	private static final int VERSION = 1;

	long firstTime = NONE;

	long lastTime = NONE;

	int firstDay;

	int curDay = Integer.MIN_VALUE;

	// Per-day inflow aggregates, ring of RING days ending at curDay.
	final long[] dayInFen = new long[RING];

	final int[] dayInCount = new int[RING];

	final int[] dayDistinct = new int[RING];

	final int[] dayNew = new int[RING];

	final int[] dayBig = new int[RING];

	final int[] dayFirstMs = new int[RING];

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

	// Counterparty set: hash, yuan paid in (saturating), info = lastInDay(16) |
	// lastMemoDay(15) | payee(1).
	int[] keys;

	int[] paidYuan;

	int[] info;

	int size;

	int level;

	// Large outflows kept for the gather-out test.
	final long[] outTime = new long[OUTS];

	final long[] outFen = new long[OUTS];

	final String[] outTx = new String[OUTS];

	final String[] outPayee = new String[OUTS];

	int outN;

	// Current batch of small outflows.
	long batchStart = NONE;

	int batchCount;

	int batchSampled;

	int batchKnown;

	long batchFen;

	long batchKnownPayoutFen;

	long batchKnownPaidYuan;

	// Closed batches, ring of BATCHES.
	final long[] bStart = new long[BATCHES];

	final int[] bCount = new int[BATCHES];

	final long[] bFen = new long[BATCHES];

	final double[] bOverlap = new double[BATCHES];

	final double[] bYield = new double[BATCHES];

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
		Arrays.fill(this.dayFirstMs, -1);
	}

	/**
	 * Time (epoch millis) of the latest leg seen, or {@link Long#MIN_VALUE} when none.
	 */
	public long lastActivity() {
		return this.lastTime;
	}

	/** The counterparty hash both runtimes use: String.hashCode is fixed by the JLS. */
	static int hash(String account) {
		int h = account.hashCode() * 0x9E3779B9;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		return (h == 0) ? 1 : h;
	}

	boolean sampled(int h) {
		return Integer.numberOfLeadingZeros(h) >= this.level;
	}

	/** Slot of h, or -1 when absent. */
	int find(int h) {
		if (this.keys == null) {
			return -1;
		}
		int m = this.keys.length - 1;
		for (int i = h & m;; i = (i + 1) & m) {
			int k = this.keys[i];
			if (k == h) {
				return i;
			}
			if (k == 0) {
				return -1;
			}
		}
	}

	/** Slot of h, inserted when absent; -1 when h falls outside the sample. */
	int findOrInsert(int h, int maxEntries) {
		int i = find(h);
		if (i >= 0) {
			return i;
		}
		if (this.keys == null) {
			this.keys = new int[8];
			this.paidYuan = new int[8];
			this.info = new int[8];
		}
		if (this.size + 1 > maxEntries) {
			do {
				this.level++;
				rehash(this.keys.length);
			}
			while (this.size > maxEntries * 3 / 4 && this.level < 31);
			if (!sampled(h)) {
				return -1;
			}
		}
		if ((this.size + 1) * 2 > this.keys.length) {
			rehash(this.keys.length * 2);
		}
		int m = this.keys.length - 1;
		int j = h & m;
		while (this.keys[j] != 0) {
			j = (j + 1) & m;
		}
		this.keys[j] = h;
		this.paidYuan[j] = 0;
		this.info[j] = 0;
		this.size++;
		return j;
	}

	private void rehash(int capacity) {
		int[] k0 = this.keys;
		int[] p0 = this.paidYuan;
		int[] i0 = this.info;
		this.keys = new int[capacity];
		this.paidYuan = new int[capacity];
		this.info = new int[capacity];
		this.size = 0;
		int m = capacity - 1;
		for (int s = 0; s < k0.length; s++) {
			int h = k0[s];
			if (h != 0 && sampled(h)) {
				int j = h & m;
				while (this.keys[j] != 0) {
					j = (j + 1) & m;
				}
				this.keys[j] = h;
				this.paidYuan[j] = p0[s];
				this.info[j] = i0[s];
				this.size++;
			}
		}
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
		for (int t = this.curDay + 1, n = 0; n < steps; t++, n++) {
			int s = (t - scatterWindow) & MASK;
			this.sInFen -= this.dayInFen[s];
			this.sCount -= this.dayInCount[s];
			this.sDistinct -= this.dayDistinct[s];
			this.sNew -= this.dayNew[s];
			this.sBig -= this.dayBig[s];
			int g = (t - surgeWindow) & MASK;
			this.gInFen -= this.dayInFen[g];
			this.gCount -= this.dayInCount[g];
			this.gNew -= this.dayNew[g];
			int c = t & MASK;
			this.dayInFen[c] = 0;
			this.dayInCount[c] = 0;
			this.dayDistinct[c] = 0;
			this.dayNew[c] = 0;
			this.dayBig[c] = 0;
			this.dayFirstMs[c] = -1;
		}
		this.curDay = day;
	}

	/** Approximate heap bytes of this state (arrays and fields), for sizing. */
	public long estimatedBytes() {
		long b = 16 + 60 * 8 + 6 * (16 + RING * 8) + 4 * (16 + OUTS * 8) + 5 * (16 + BATCHES * 8) + 16 + 4 * 8;
		if (this.keys != null) {
			b += 3 * (16 + 4L * this.keys.length);
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
