package org.fangfei.detect.engine;

import java.util.Arrays;

import org.fangfei.detect.io.TransferParser;

/**
 * A batch of transfer rows parsed ahead by the reading thread of a pipelined
 * {@link Scan}: for each row what {@link Scan} needs of it — time, line, amount, memo
 * keywords, the transfer id and both accounts packed as {@link AccountIndex#key} packs
 * them. The reading thread also interns both accounts ({@link #intern}), so the detecting
 * thread only takes the accounts new in the batch and fills its {@link Chunk}. Batches
 * are reused: the reading thread fills one while the detecting thread empties another.
 */
final class ParsedRows {

	/**
	 * Longs per row in {@link #rows}: time, line, amount, keywords, the transfer id
	 * (two), the accounts' keys ({@link #KEYS}, eight) and their ids ({@link #IDS}, two).
	 * One array per batch, so a batch of {@link Scan#BATCH_ROWS} rows (4 MiB) is
	 * allocated outside G1's young generation and never copied by a young collection.
	 */
	static final int W = 16;

	static final int TIME = 0;

	static final int LINE = 1;

	static final int FEN = 2;

	/** Memo keyword bits (low half); {@link #TX_PACKED} in the high half. */
	static final int KEYWORDS = 3;

	/** The transfer id packed in two longs, when {@link #TX_PACKED}. */
	static final int TX = 4;

	static final long TX_PACKED = 1L << 32;

	/**
	 * The accounts packed by {@link AccountIndex#key}: payer's four, then payee's four.
	 */
	static final int KEYS = 6;

	/**
	 * The interned accounts as {@link AccountIndex#intern(long[], int)} returns them
	 * (detector hash, id): payer, then payee.
	 */
	static final int IDS = 14;

	final int capacity;

	final long[] rows;

	/** Per row: the memo when it has keywords, else null. */
	final String[] memo;

	/**
	 * Per row, twice (payer, payee): the bytes of an account too long to pack, else null.
	 */
	final byte[][] longAccount;

	/** Per row: the bytes of a transfer id longer than 15 bytes, else null. */
	final byte[][] longTx;

	/** Ids {@code [newFrom, newFrom + newCount)} first seen in this batch, by name. */
	int newFrom;

	int newCount;

	String[] newNames = new String[64];

	int n;

	/** The reading ended after the rows held (end of input or {@link #failure}). */
	boolean last;

	/** Why reading stopped after the rows held, or null. */
	RuntimeException failure;

	private final long[] scratch = new long[4];

	ParsedRows(int capacity) {
		this.capacity = capacity;
		this.rows = new long[capacity * W];
		this.memo = new String[capacity];
		this.longAccount = new byte[capacity * 2][];
		this.longTx = new byte[capacity][];
	}

	boolean full() {
		return this.n == this.capacity;
	}

	void clear() {
		Arrays.fill(this.memo, 0, this.n, null);
		Arrays.fill(this.longAccount, 0, this.n * 2, null);
		Arrays.fill(this.longTx, 0, this.n, null);
		Arrays.fill(this.newNames, 0, this.newCount, null);
		this.newCount = 0;
		this.n = 0;
		this.last = false;
		this.failure = null;
	}

	/** Takes the line split in {@code p} (buffer {@code b}). */
	void add(byte[] b, TransferParser p, long line, MemoKeywords keywords) {
		// Parsed first: a bad time or amount throws before the row is counted.
		long time = p.timeMillis();
		long fen = p.amountFen();
		int r = this.n++;
		int at = r * W;
		long[] x = this.rows;
		x[at + TIME] = time;
		x[at + LINE] = line;
		x[at + FEN] = fen;
		int kw = 0;
		int ms = p.start(TransferParser.MEMO);
		int me = p.end(TransferParser.MEMO);
		if (ms != me) {
			kw = keywords.match(b, ms, me);
			if (kw != 0) {
				this.memo[r] = p.string(TransferParser.MEMO);
			}
		}
		long flags = kw & 0xFFFFFFFFL;
		int ts = p.start(TransferParser.TX);
		int te = p.end(TransferParser.TX);
		if (te - ts <= 15) {
			AccountIndex.key(b, ts, te, this.scratch, 0);
			x[at + TX] = this.scratch[0];
			x[at + TX + 1] = this.scratch[1] | ((long) (te - ts) << 56);
			flags |= TX_PACKED;
		}
		else {
			this.longTx[r] = Arrays.copyOfRange(b, ts, te);
		}
		x[at + KEYWORDS] = flags;
		account(b, p.start(TransferParser.PAYER), p.end(TransferParser.PAYER), r, 0);
		account(b, p.start(TransferParser.PAYEE), p.end(TransferParser.PAYEE), r, 1);
	}

	private void account(byte[] b, int from, int to, int r, int side) {
		if (!AccountIndex.key(b, from, to, this.rows, r * W + KEYS + side * 4)) {
			this.longAccount[r * 2 + side] = Arrays.copyOfRange(b, from, to);
		}
	}

	/** Rows whose table slots are loaded ahead before they are interned. */
	private static final int AHEAD = 32;

	/**
	 * Interns both accounts of every row, payer then payee, in row order (so the ids are
	 * those a scan on one thread gives), and notes the accounts new in the batch. The
	 * slots of a group of rows are loaded first, so their cache misses overlap.
	 */
	void intern(AccountIndex index) {
		int first = index.size();
		long[] x = this.rows;
		long v = 0;
		for (int from = 0; from < this.n; from += AHEAD) {
			int to = Math.min(this.n, from + AHEAD);
			for (int r = from; r < to; r++) {
				v += index.peek(x, r * W + KEYS) + index.peek(x, r * W + KEYS + 4);
			}
			for (int r = from; r < to; r++) {
				for (int side = 0; side < 2; side++) {
					byte[] longAccount = this.longAccount[r * 2 + side];
					x[r * W + IDS + side] = (longAccount == null) ? index.intern(x, r * W + KEYS + side * 4)
							: index.intern(longAccount, 0, longAccount.length);
				}
			}
		}
		this.touched = v;
		int count = index.size() - first;
		if (count > this.newNames.length) {
			this.newNames = new String[Math.max(count, this.newNames.length * 2)];
		}
		for (int i = 0; i < count; i++) {
			this.newNames[i] = index.name(first + i);
		}
		this.newFrom = first;
		this.newCount = count;
	}

	/** Sink for the loads made ahead, so they are not optimised away. */
	long touched;

}
