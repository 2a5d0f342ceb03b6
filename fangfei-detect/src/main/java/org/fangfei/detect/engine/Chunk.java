package org.fangfei.detect.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.fangfei.detect.graph.GraphStage;
import org.fangfei.detect.Alert;
import org.fangfei.detect.AlertSink;

/**
 * Transfers collected until the chunk is full and then handed to the detector grouped by
 * account: all legs of one account one after the other, in (time, seq) order. Accounts
 * are independent (a leg reads and writes only its own account's state), so every account
 * sees exactly the legs it would see transfer by transfer, while its state is loaded into
 * the cache once per chunk instead of once per leg. The alerts are handed on in the order
 * of the legs that raised them, so the output is that of a transfer-by-transfer run in
 * (time, seq) order.
 *
 * <p>
 * Rows are taken in the order read, which may be a little out of time order: a row
 * earlier than one read before it is marked, and the legs of its accounts are sorted by
 * (time, seq) when the chunk is processed. {@link #process} takes only the rows up to a
 * time (the newest time read minus the lateness: no row read later can be earlier than
 * that) and keeps the others for the next chunk.
 *
 * <p>
 * A row is {@link #W} longs (time, seq, fen, payer | payee, payer hash | payee hash, memo
 * keywords and flags, transfer id packed in two longs), read once per leg; a transfer id
 * longer than 15 bytes and the memo are kept apart and read only when the detector needs
 * them. Leg {@code g} is row {@code g >> 1}: the payer's outflow when {@code g} is even,
 * the payee's inflow when odd.
 */
public final class Chunk implements Leg.Lazy {

	static final int W = 8;

	static final int TIME = 0;

	static final int SEQ = 1;

	static final int FEN = 2;

	static final int IDS = 3;

	static final int HASHES = 4;

	/** Memo keywords (low half) and flags (high half). */
	static final int KEYWORDS = 5;

	/**
	 * A transfer id of up to 15 bytes packed in two longs, or the offset and length of a
	 * longer one in the pool.
	 */
	static final int TX = 6;

	/** Flag: the transfer id is packed in the row. */
	private static final long PACKED = 1L << 32;

	/** Flag: the transfer id's bytes are in the pool. */
	private static final long POOLED = 2L << 32;

	/** Flag: the row was read after a row with a later time. */
	private static final long DISORDERED = 4L << 32;

	/** Legs whose memory is loaded together before they are processed. */
	private static final int BATCH = 256;

	private long[] rows;

	private String[] memo;

	/** Transfer ids handed over as text that could not be packed, else null. */
	private String[] txText;

	/** The bytes of transfer ids longer than 15 bytes, one after the other. */
	private byte[] txPool = new byte[1 << 16];

	private int txPoolUsed;

	private int n;

	/** Rows marked {@link #DISORDERED}. */
	private int disordered;

	/**
	 * Leg indexes, grouped by account (ascending id), in (time, seq) order within one.
	 */
	private int[] order;

	/** Per account id: first index in {@link #order}, then (after grouping) the end. */
	private int[] next = new int[1 << 12];

	/** Accounts whose legs need sorting (a bit per account id). */
	private long[] unsorted = new long[1 << 6];

	private final Leg leg = new Leg();

	private AccountStore store;

	/** Sink for the loads made ahead, so they are not optimised away. */
	private long touched;

	/** The capacity it grows to after the first chunk; beyond, it doubles as needed. */
	private final int grow;

	/** A chunk of {@code capacity} transfers (it grows if needed). */
	public Chunk(int capacity) {
		this(capacity, capacity);
	}

	/**
	 * A chunk of {@code capacity} transfers that grows to {@code grow} after the first
	 * chunk (so a small input does not allocate a large chunk).
	 */
	Chunk(int capacity, int grow) {
		this.grow = grow;
		this.rows = new long[capacity * W];
		this.memo = new String[capacity];
		this.txText = new String[capacity];
		this.order = new int[capacity * 2];
	}

	public boolean full() {
		return this.n == this.memo.length;
	}

	/** Number of transfers held. */
	public int size() {
		return this.n;
	}

	/**
	 * Adds a transfer whose accounts already have ids in the store that {@link #process}
	 * will be given, with their {@link AccountState#hash(String)}; {@code keywords} are
	 * the memo keyword bits ({@link DetectorConfig#memoKeywords}). Transfers added this
	 * way must come in (time, seq) order.
	 */
	public void add(long time, long seq, int payer, int payee, int payerHash, int payeeHash, long fen, int keywords,
			String memo, String txId) {
		int r = addRow(time, seq, fen);
		setAccount(r, false, payer, payerHash);
		setAccount(r, true, payee, payeeHash);
		setMemo(r, keywords, memo);
		int at = r * W;
		if (!packAscii(txId, this.rows, at + TX)) {
			this.txText[r] = txId;
			return;
		}
		this.rows[at + KEYWORDS] |= PACKED;
	}

	/** Adds a row of which the accounts, memo and transfer id are set next; its index. */
	int addRow(long time, long seq, long fen) {
		int r = this.n++;
		int at = r * W;
		long[] x = this.rows;
		x[at + TIME] = time;
		x[at + SEQ] = seq;
		x[at + FEN] = fen;
		x[at + KEYWORDS] = 0;
		return r;
	}

	/** Marks row {@code r} as read after a row with a later time. */
	void markDisordered(int r) {
		this.rows[r * W + KEYWORDS] |= DISORDERED;
		this.disordered++;
	}

	/** Sets the payer's (or the payee's) account id and hash of row {@code r}. */
	void setAccount(int r, boolean payee, int id, int hash) {
		int at = r * W;
		long[] x = this.rows;
		if (payee) {
			x[at + IDS] = (x[at + IDS] & 0xFFFFFFFFL) | ((long) id << 32);
			x[at + HASHES] = (x[at + HASHES] & 0xFFFFFFFFL) | ((long) hash << 32);
		}
		else {
			x[at + IDS] = (x[at + IDS] & 0xFFFFFFFF00000000L) | (id & 0xFFFFFFFFL);
			x[at + HASHES] = (x[at + HASHES] & 0xFFFFFFFF00000000L) | (hash & 0xFFFFFFFFL);
		}
	}

	/** Sets the memo keyword bits of row {@code r} and, when any, its memo. */
	void setMemo(int r, int keywords, String memo) {
		this.rows[r * W + KEYWORDS] |= keywords & 0xFFFFFFFFL;
		this.memo[r] = (keywords != 0) ? memo : null;
	}

	/** Sets the transfer id of row {@code r} from the bytes {@code b[from, to)}. */
	void setTx(int r, byte[] b, int from, int to) {
		int at = r * W;
		long[] x = this.rows;
		int len = to - from;
		if (len <= 15) {
			AccountIndex.key(b, from, to, this.key, 0);
			x[at + TX] = this.key[0];
			x[at + TX + 1] = this.key[1] | ((long) len << 56);
			x[at + KEYWORDS] |= PACKED;
			return;
		}
		if (this.txPoolUsed + len > this.txPool.length) {
			this.txPool = Arrays.copyOf(this.txPool, Math.max(this.txPool.length * 2, this.txPoolUsed + len));
		}
		System.arraycopy(b, from, this.txPool, this.txPoolUsed, len);
		x[at + TX] = this.txPoolUsed;
		x[at + TX + 1] = len;
		x[at + KEYWORDS] |= POOLED;
		this.txPoolUsed += len;
	}

	private final long[] key = new long[4];

	/**
	 * Sets the transfer id of row {@code r} packed as {@link #setTx} packs one of up to
	 * 15 bytes: {@code k1} holds the length in its top byte.
	 */
	void setTxPacked(int r, long k0, long k1) {
		int at = r * W;
		this.rows[at + TX] = k0;
		this.rows[at + TX + 1] = k1;
		this.rows[at + KEYWORDS] |= PACKED;
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

	/**
	 * Processes every transfer held (see
	 * {@link #process(Detector, AccountStore, AlertSink, long)}).
	 */
	public void process(Detector detector, AccountStore states, AlertSink sink) {
		process(detector, states, sink, Long.MAX_VALUE);
	}

	/**
	 * Feeds the legs of the rows with a time up to {@code until} to the detector, grouped
	 * by account, and hands the alerts to the sink in the order of the legs that raised
	 * them; keeps the other rows. The legs are taken in batches: the rows of a batch and
	 * the records of its accounts (and their counterparty tables, when reading a whole
	 * table costs less than a cache miss per leg of that account) are first loaded in a
	 * pass whose loads do not wait for each other, so the CPU overlaps the cache misses;
	 * then the counterparty slots; then the legs are processed.
	 */
	void process(Detector detector, AccountStore states, AlertSink sink, long until) {
		if (this.n == 0) {
			return;
		}
		this.store = states;
		int legs = group(states.size(), until);
		for (int from = 0; from < legs; from += BATCH) {
			batch(detector, states, from, Math.min(legs, from + BATCH));
		}
		if (this.graph != null) {
			graph(until);
		}
		keep(until);
		deliver(sink);
	}

	/** The graph stage across accounts, fed every row processed, or null. */
	private GraphStage graph;

	void graph(GraphStage stage) {
		this.graph = stage;
	}

	private int[] graphOrder = new int[1 << 10];

	private int graphRow;

	private final GraphStage.Names graphNames = new GraphStage.Names() {

		@Override
		public String payer() {
			return Chunk.this.store.names.apply((int) Chunk.this.rows[Chunk.this.graphRow * W + IDS]);
		}

		@Override
		public String payee() {
			return Chunk.this.store.names.apply((int) (Chunk.this.rows[Chunk.this.graphRow * W + IDS] >>> 32));
		}

		@Override
		public String txId() {
			return Chunk.this.txId(Chunk.this.graphRow);
		}

	};

	/**
	 * Feeds the rows up to {@code until} to the graph stage in (time, seq) order (the
	 * order read, with the disordered rows moved into place); its alerts go with the
	 * chunk's, after those of the row's two legs.
	 */
	private void graph(long until) {
		long[] x = this.rows;
		int k = 0;
		if (this.graphOrder.length < this.n) {
			this.graphOrder = new int[Math.max(this.n, 2 * this.graphOrder.length)];
		}
		int[] o = this.graphOrder;
		for (int r = 0; r < this.n; r++) {
			if (x[r * W + TIME] <= until) {
				o[k++] = r;
			}
		}
		if (this.disordered > 0) {
			for (int i = 1; i < k; i++) {
				int r = o[i];
				long t = x[r * W + TIME];
				long q = x[r * W + SEQ];
				int j = i - 1;
				while (j >= 0 && (x[o[j] * W + TIME] > t || x[o[j] * W + TIME] == t && x[o[j] * W + SEQ] > q)) {
					o[j + 1] = o[j];
					j--;
				}
				o[j + 1] = r;
			}
		}
		GraphStage g = this.graph;
		for (int i = 0; i < k; i++) {
			int r = o[i];
			int at = r * W;
			long hashes = x[at + HASHES];
			this.graphRow = r;
			this.currentLeg = (r << 1) | 1;
			g.feed(x[at + TIME], (int) hashes, (int) (hashes >>> 32), x[at + FEN], this.graphNames, this.collect);
		}
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

	/** The legs in the order {@link #group} put them. */
	int[] order() {
		return this.order;
	}

	/** The account of leg {@code g}. */
	int account(int g) {
		long ids = this.rows[(g >> 1) * W + IDS];
		return ((g & 1) == 0) ? (int) ids : (int) (ids >>> 32);
	}

	/**
	 * Sorts the legs of the rows up to {@code until} by account into {@link #order} (a
	 * counting sort, stable, so an account's legs stay in the order read), then puts the
	 * legs of accounts with a disordered row in (time, seq) order; returns the number of
	 * legs. {@code accounts} is the number of account ids.
	 */
	int group(int accounts, long until) {
		if (this.next.length < accounts + 1) {
			this.next = new int[Math.max(accounts + 1, this.next.length * 2)];
		}
		int[] c = this.next;
		Arrays.fill(c, 0, accounts + 1, 0);
		long[] x = this.rows;
		int end = this.n * W;
		int legs = 0;
		for (int at = 0; at < end; at += W) {
			if (x[at + TIME] <= until) {
				long ids = x[at + IDS];
				c[(int) ids]++;
				c[(int) (ids >>> 32)]++;
				legs += 2;
			}
		}
		int sum = 0;
		for (int a = 0; a < accounts; a++) {
			int k = c[a];
			c[a] = sum;
			sum += k;
		}
		int[] o = this.order;
		for (int at = 0, g = 0; at < end; at += W, g += 2) {
			if (x[at + TIME] <= until) {
				long ids = x[at + IDS];
				o[c[(int) ids]++] = g;
				o[c[(int) (ids >>> 32)]++] = g + 1;
			}
		}
		if (this.disordered > 0) {
			sortDisordered(accounts, until);
		}
		return legs;
	}

	/** Sorts the legs of every account of a disordered row by (time, row, side). */
	private void sortDisordered(int accounts, long until) {
		int words = (accounts + 63) >>> 6;
		if (this.unsorted.length < words) {
			this.unsorted = new long[Math.max(words, this.unsorted.length * 2)];
		}
		long[] u = this.unsorted;
		Arrays.fill(u, 0, words, 0);
		long[] x = this.rows;
		for (int at = 0, end = this.n * W; at < end; at += W) {
			if ((x[at + KEYWORDS] & DISORDERED) != 0 && x[at + TIME] <= until) {
				long ids = x[at + IDS];
				u[(int) ids >>> 6] |= 1L << (int) ids;
				u[(int) (ids >>> 32) >>> 6] |= 1L << (int) (ids >>> 32);
			}
		}
		int[] o = this.order;
		for (int w = 0; w < words; w++) {
			for (long bits = u[w]; bits != 0; bits &= bits - 1) {
				int a = (w << 6) + Long.numberOfTrailingZeros(bits);
				int from = (a == 0) ? 0 : this.next[a - 1];
				int to = this.next[a];
				// Insertion sort: the legs are nearly in order. Rows were read in seq
				// order, so (time, leg index) is the (time, seq, side) order.
				for (int i = from + 1; i < to; i++) {
					int g = o[i];
					long t = x[(g >> 1) * W + TIME];
					int j = i - 1;
					while (j >= from && (x[(o[j] >> 1) * W + TIME] > t)) {
						o[j + 1] = o[j];
						j--;
					}
					o[j + 1] = g;
				}
			}
		}
	}

	/**
	 * Moves the rows after {@code until} to the front (in the order read) and drops the
	 * others; grows the chunk to its full size after the first one, and doubles it when
	 * the kept rows fill more than half of it.
	 */
	private void keep(long until) {
		long[] x = this.rows;
		int k = 0;
		int pool = 0;
		int disordered = 0;
		for (int r = 0; r < this.n; r++) {
			int at = r * W;
			if (x[at + TIME] <= until) {
				continue;
			}
			int to = k * W;
			if (k != r) {
				System.arraycopy(x, at, x, to, W);
				this.memo[k] = this.memo[r];
				this.txText[k] = this.txText[r];
			}
			if ((x[to + KEYWORDS] & POOLED) != 0) {
				int len = (int) x[to + TX + 1];
				System.arraycopy(this.txPool, (int) x[to + TX], this.txPool, pool, len);
				x[to + TX] = pool;
				pool += len;
			}
			if ((x[to + KEYWORDS] & DISORDERED) != 0) {
				disordered++;
			}
			k++;
		}
		Arrays.fill(this.memo, k, this.n, null);
		Arrays.fill(this.txText, k, this.n, null);
		this.n = k;
		this.txPoolUsed = pool;
		this.disordered = disordered;
		if (k > this.memo.length / 2 || this.memo.length < this.grow) {
			int capacity = Math.max(this.memo.length * 2, this.grow);
			long[] bigger = new long[capacity * W];
			System.arraycopy(this.rows, 0, bigger, 0, k * W);
			this.rows = bigger;
			this.memo = Arrays.copyOf(this.memo, capacity);
			this.txText = Arrays.copyOf(this.txText, capacity);
			this.order = new int[capacity * 2];
		}
	}

	/** The chunk's alerts, and for each the leg that raised it. */
	private Alert[] raised = new Alert[16];

	private int[] raisedBy = new int[16];

	private long[] raisedAt = new long[16];

	private int raisedN;

	private int currentLeg;

	private final AlertSink collect = (a) -> {
		if (this.raisedN == this.raised.length) {
			this.raised = Arrays.copyOf(this.raised, this.raisedN * 2);
			this.raisedBy = Arrays.copyOf(this.raisedBy, this.raisedN * 2);
			this.raisedAt = Arrays.copyOf(this.raisedAt, this.raisedN * 2);
		}
		this.raised[this.raisedN] = a;
		this.raisedBy[this.raisedN] = this.currentLeg;
		this.raisedAt[this.raisedN] = this.rows[(this.currentLeg >> 1) * W + TIME];
		this.raisedN++;
	};

	/**
	 * Hands the alerts on by the (time, seq, side) of the legs that raised them, in the
	 * order raised for one leg.
	 */
	private void deliver(AlertSink sink) {
		int k = this.raisedN;
		Integer[] byLeg = new Integer[k];
		for (int i = 0; i < k; i++) {
			byLeg[i] = i;
		}
		Arrays.sort(byLeg, (p, q) -> {
			int c = Long.compare(this.raisedAt[p], this.raisedAt[q]);
			return (c != 0) ? c : Integer.compare(this.raisedBy[p], this.raisedBy[q]);
		});
		for (Integer i : byLeg) {
			sink.alert(this.raised[i]);
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
		long flags = this.rows[at + KEYWORDS];
		if ((flags & PACKED) != 0) {
			return AccountIndex.unpack(this.rows[at + TX], this.rows[at + TX + 1]);
		}
		if ((flags & POOLED) != 0) {
			return new String(this.txPool, (int) this.rows[at + TX], (int) this.rows[at + TX + 1],
					StandardCharsets.UTF_8);
		}
		return this.txText[r];
	}

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

}
