package org.fangfei.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Transfers in (time, seq) order, kept until the chunk is full and then handed to the
 * detector grouped by account: all legs of one account in the chunk one after the other,
 * in their order. Accounts are independent (a leg reads and writes only its own account's
 * state), so every account sees exactly the legs it would see transfer by transfer, while
 * its state is loaded into the cache once per chunk instead of once per leg. The alerts
 * are handed on in the order of the legs that raised them, so the output is the same as
 * that of a transfer-by-transfer run. {@code scan} fills it from the
 * {@link ReorderBuffer}; the benchmarks fill it with
 * {@link #add(long, long, int, int, int, int, long, int, String, String)}.
 *
 * <p>
 * A row is {@link #W} longs (time, seq, fen, payer | payee, payer hash | payee hash, memo
 * keywords, transfer id packed in two longs), read once per leg; a transfer id longer
 * than 15 bytes and the memo are kept apart and read only when the detector needs them.
 * Leg {@code g} of the chunk is row {@code g >> 1}: the payer's outflow when {@code g} is
 * even, the payee's inflow when odd.
 */
public final class Chunk implements Leg.Lazy {

	static final int W = 8;

	static final int TIME = 0;

	static final int SEQ = 1;

	static final int FEN = 2;

	static final int IDS = 3;

	static final int HASHES = 4;

	/** Memo keywords (low half), and where the transfer id is (high half). */
	static final int KEYWORDS = 5;

	/**
	 * A transfer id of up to 15 bytes packed in two longs, or the offset and length of a
	 * longer one in the pool.
	 */
	static final int TX = 6;

	private static final long PACKED = 1L << 32;

	/** In the high half of {@link #KEYWORDS}: the transfer id's bytes are in the pool. */
	private static final long POOLED = 2L << 32;

	final int capacity;

	final long[] rows;

	final String[] memo;

	/**
	 * The bytes of transfer ids of 16 to {@link ReorderBuffer#TX_BYTES} bytes, one after
	 * the other (the row holds offset and length).
	 */
	private byte[] txPool = new byte[1 << 16];

	private int txPoolUsed;

	/** Transfer ids held as text (longer ones), else null. */
	private final String[] txText;

	int n;

	/** Leg indexes, grouped by account (ascending id), in leg order within an account. */
	final int[] order;

	/** Per account id: first index in {@link #order} (then, after grouping, the end). */
	private int[] next = new int[1 << 12];

	/** Legs whose memory is loaded together before they are processed. */
	private static final int BATCH = 256;

	private final Leg leg = new Leg();

	private AccountStore store;

	/** Sink for the loads made ahead, so they are not optimised away. */
	private long touched;

	/** A chunk of at most {@code capacity} transfers. */
	public Chunk(int capacity) {
		this.capacity = capacity;
		this.rows = new long[capacity * W];
		this.memo = new String[capacity];
		this.txText = new String[capacity];
		this.order = new int[capacity * 2];
	}

	public boolean full() {
		return this.n == this.capacity;
	}

	/** Number of transfers held. */
	public int size() {
		return this.n;
	}

	/**
	 * Adds a transfer whose accounts already have ids in the store that {@link #process}
	 * will be given, with their {@link AccountState#hash(String)}. {@code keywords} are
	 * the memo keyword bits ({@link DetectorConfig#memoKeywords}).
	 */
	public void add(long time, long seq, int payer, int payee, int payerHash, int payeeHash, long fen, int keywords,
			String memo, String txId) {
		int r = this.n++;
		long[] x = this.rows;
		int at = r * W;
		x[at + TIME] = time;
		x[at + SEQ] = seq;
		x[at + FEN] = fen;
		x[at + IDS] = (payer & 0xFFFFFFFFL) | ((long) payee << 32);
		x[at + HASHES] = (payerHash & 0xFFFFFFFFL) | ((long) payeeHash << 32);
		this.memo[r] = memo;
		if (packAscii(txId, x, at + TX)) {
			x[at + KEYWORDS] = (keywords & 0xFFFFFFFFL) | PACKED;
		}
		else {
			x[at + KEYWORDS] = keywords & 0xFFFFFFFFL;
			this.txText[r] = txId;
		}
	}

	/**
	 * Packs an ASCII text of up to 15 characters as {@link AccountIndex#unpack} reads it.
	 */
	private static boolean packAscii(String s, long[] out, int at) {
		int len = s.length();
		if (len > 15) {
			return false;
		}
		long k0 = 0;
		long k1 = 0;
		for (int j = 0; j < len; j++) {
			char ch = s.charAt(j);
			if (ch >= 0x80) {
				return false;
			}
			if (j < 8) {
				k0 |= (long) ch << (j << 3);
			}
			else {
				k1 |= (long) ch << ((j & 7) << 3);
			}
		}
		out[at] = k0;
		out[at + 1] = k1 | ((long) len << 56);
		return true;
	}

	/** Copies the row of a released buffer slot. */
	void add(ReorderBuffer b, int slot) {
		int r = this.n++;
		long[] x = this.rows;
		int at = r * W;
		int payer = b.payer[slot];
		int payee = b.payee[slot];
		x[at + TIME] = b.time[slot];
		x[at + SEQ] = b.seq[slot];
		x[at + FEN] = b.fen[slot];
		x[at + IDS] = (payer & 0xFFFFFFFFL) | ((long) payee << 32);
		x[at + HASHES] = (b.payerHash[slot] & 0xFFFFFFFFL) | ((long) b.payeeHash[slot] << 32);
		this.memo[r] = b.memo[slot];
		String text = b.tx[slot];
		int len = b.txLength[slot];
		if (text == null && len <= 15) {
			int from = slot * ReorderBuffer.TX_BYTES;
			AccountIndex.key(b.txBytes, from, from + len, this.key, 0);
			x[at + TX] = this.key[0];
			x[at + TX + 1] = this.key[1] | ((long) len << 56);
			x[at + KEYWORDS] = (b.kw[slot] & 0xFFFFFFFFL) | PACKED;
			return;
		}
		if (text != null) {
			x[at + KEYWORDS] = b.kw[slot] & 0xFFFFFFFFL;
			this.txText[r] = text;
			return;
		}
		if (this.txPoolUsed + len > this.txPool.length) {
			this.txPool = Arrays.copyOf(this.txPool, this.txPool.length * 2);
		}
		System.arraycopy(b.txBytes, slot * ReorderBuffer.TX_BYTES, this.txPool, this.txPoolUsed, len);
		x[at + TX] = this.txPoolUsed;
		x[at + TX + 1] = len;
		x[at + KEYWORDS] = (b.kw[slot] & 0xFFFFFFFFL) | POOLED;
		this.txPoolUsed += len;
	}

	/** The account of leg {@code g}. */
	int account(int g) {
		long ids = this.rows[(g >> 1) * W + IDS];
		return ((g & 1) == 0) ? (int) ids : (int) (ids >>> 32);
	}

	/**
	 * Sorts the legs by account (a counting sort, stable, so each account's legs stay in
	 * leg order) into {@link #order}; {@code accounts} is the number of account ids.
	 */
	void group(int accounts) {
		if (this.next.length < accounts + 1) {
			this.next = new int[Math.max(accounts + 1, this.next.length * 2)];
		}
		int[] c = this.next;
		Arrays.fill(c, 0, accounts + 1, 0);
		long[] x = this.rows;
		int legs = this.n * 2;
		for (int at = IDS, end = this.n * W; at < end; at += W) {
			long ids = x[at];
			c[(int) ids]++;
			c[(int) (ids >>> 32)]++;
		}
		int sum = 0;
		for (int a = 0; a < accounts; a++) {
			int k = c[a];
			c[a] = sum;
			sum += k;
		}
		int[] o = this.order;
		for (int g = 0; g < legs; g += 2) {
			long ids = x[(g >> 1) * W + IDS];
			o[c[(int) ids]++] = g;
			o[c[(int) (ids >>> 32)]++] = g + 1;
		}
	}

	/**
	 * Feeds every leg to the detector, grouped by account, and hands the alerts to the
	 * sink in the order of the legs that raised them; then empties the chunk. The legs
	 * are taken in batches: the rows of a batch and the records and small counterparty
	 * tables of its accounts are first loaded in a pass whose loads do not wait for each
	 * other (so the CPU overlaps the cache misses), then the counterparty slots the
	 * records point to, then the legs are processed.
	 */
	public void process(Detector detector, AccountStore states, AlertSink sink) {
		if (this.n == 0) {
			return;
		}
		this.store = states;
		group(states.size());
		int legs = this.n * 2;
		for (int from = 0; from < legs; from += BATCH) {
			batch(detector, states, from, Math.min(legs, from + BATCH));
		}
		clear();
		deliver(sink);
	}

	/**
	 * Legs {@code [from, to)} of {@link #order}. (A method of its own, so the JIT
	 * compiles it once instead of compiling the loop of {@link #process} on stack.)
	 */
	private void batch(Detector detector, AccountStore states, int from, int to) {
		long[] x = this.rows;
		int[] o = this.order;
		long v = 0;
		int previous = -1;
		for (int i = from; i < to; i++) {
			int at = (o[i] >> 1) * W;
			// Both ends of the row: where the array starts is not aligned to cache lines,
			// so a row can span two.
			v += x[at] + x[at + W - 1];
			long ids = x[at + IDS];
			int account = ((o[i] & 1) == 0) ? (int) ids : (int) (ids >>> 32);
			if (account != previous) {
				// The whole counterparty table when reading it line by line costs
				// less than a cache miss per leg of the account in this chunk.
				int legsOfAccount = this.next[account] - i;
				v += states.prefetchRecord(account) + states.prefetchTable(account, 16 * legsOfAccount);
				previous = account;
			}
		}
		for (int i = from; i < to; i++) {
			int g = o[i];
			int at = (g >> 1) * W;
			long hashes = x[at + HASHES];
			int counterpartyHash = ((g & 1) == 0) ? (int) (hashes >>> 32) : (int) hashes;
			v += states.prefetchSlot(account(g), counterpartyHash);
		}
		for (int i = from; i < to; i++) {
			leg(detector, states, o[i]);
		}
		this.touched += v;
	}

	private void leg(Detector detector, AccountStore states, int g) {
		long[] x = this.rows;
		int r = g >> 1;
		int at = r * W;
		boolean inflow = (g & 1) != 0;
		long ids = x[at + IDS];
		long hashes = x[at + HASHES];
		int account = inflow ? (int) (ids >>> 32) : (int) ids;
		int other = inflow ? (int) ids : (int) (ids >>> 32);
		int keywords = (int) x[at + KEYWORDS];
		Leg l = this.leg;
		l.set(x[at + TIME], x[at + SEQ], null, inflow, null, x[at + FEN], (keywords != 0) ? this.memo[r] : null, null);
		l.lazy = this;
		l.lazyRef = r;
		l.accountId = account;
		l.memoKeywords = keywords;
		l.counterpartyHash = inflow ? (int) hashes : (int) (hashes >>> 32);
		l.counterpartyId = other;
		this.currentLeg = g;
		detector.onLeg(states.at(account), l, this.collect);
	}

	/** The chunk's alerts, and for each the index of the leg that raised it. */
	private Alert[] raised = new Alert[16];

	private long[] raisedBy = new long[16];

	private int raisedN;

	private int currentLeg;

	private final AlertSink collect = (a) -> {
		if (this.raisedN == this.raised.length) {
			this.raised = Arrays.copyOf(this.raised, this.raisedN * 2);
			this.raisedBy = Arrays.copyOf(this.raisedBy, this.raisedN * 2);
		}
		this.raised[this.raisedN] = a;
		// The leg, then the order raised (one leg can raise more than one alert).
		this.raisedBy[this.raisedN] = ((long) this.currentLeg << 32) | this.raisedN;
		this.raisedN++;
	};

	private void deliver(AlertSink sink) {
		int k = this.raisedN;
		Arrays.sort(this.raisedBy, 0, k);
		for (int i = 0; i < k; i++) {
			sink.alert(this.raised[(int) this.raisedBy[i]]);
		}
		Arrays.fill(this.raised, 0, k, null);
		this.raisedN = 0;
	}

	@Override
	public String name(int id) {
		return this.store.names.apply(id);
	}

	/** The transfer id of row {@code r}, made on demand. */
	@Override
	public String txId(int r) {
		int at = r * W;
		if ((this.rows[at + KEYWORDS] & PACKED) != 0) {
			return AccountIndex.unpack(this.rows[at + TX], this.rows[at + TX + 1]);
		}
		if ((this.rows[at + KEYWORDS] & POOLED) != 0) {
			return new String(this.txPool, (int) this.rows[at + TX], (int) this.rows[at + TX + 1],
					StandardCharsets.UTF_8);
		}
		return this.txText[r];
	}

	private final long[] key = new long[4];

	/**
	 * Packs the transfer id of row {@code r} into {@code out[at, at + 2)} (see
	 * {@link AccountIndex#unpack(long, long)}); false when it is longer than 15 bytes.
	 */
	@Override
	public boolean packTxId(int r, long[] out, int at) {
		int x = r * W;
		if ((this.rows[x + KEYWORDS] & PACKED) == 0) {
			return false;
		}
		out[at] = this.rows[x + TX];
		out[at + 1] = this.rows[x + TX + 1];
		return true;
	}

	/** Empties the chunk (dropping its Strings). */
	private void clear() {
		Arrays.fill(this.memo, 0, this.n, null);
		Arrays.fill(this.txText, 0, this.n, null);
		this.txPoolUsed = 0;
		this.n = 0;
	}

}
