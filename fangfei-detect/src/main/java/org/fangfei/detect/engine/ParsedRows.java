package org.fangfei.detect.engine;

import java.util.Arrays;

import org.fangfei.detect.io.TransferParser;

/**
 * A batch of transfer rows parsed ahead by the reading thread of a pipelined
 * {@link Scan}: for each row what {@link Scan} needs of it — time, line, amount, memo
 * keywords, the transfer id and both accounts packed as {@link AccountIndex#key} packs
 * them — so the detecting thread only interns the accounts and fills its {@link Chunk}.
 * Batches are reused: the reading thread fills one while the detecting thread empties
 * another.
 */
final class ParsedRows {

	/** Longs per row in {@link #rows}. */
	static final int W = 6;

	static final int TIME = 0;

	static final int LINE = 1;

	static final int FEN = 2;

	/** Memo keyword bits (low half); {@link #TX_PACKED} in the high half. */
	static final int KEYWORDS = 3;

	/** The transfer id packed in two longs, when {@link #TX_PACKED}. */
	static final int TX = 4;

	static final long TX_PACKED = 1L << 32;

	/** Longs per row in {@link #keys}: payer's four, then payee's four. */
	static final int KW = 8;

	final int capacity;

	final long[] rows;

	final long[] keys;

	/** Per row: the memo when it has keywords, else null. */
	final String[] memo;

	/**
	 * Per row, twice (payer, payee): the bytes of an account too long to pack, else null.
	 */
	final byte[][] longAccount;

	/** Per row: the bytes of a transfer id longer than 15 bytes, else null. */
	final byte[][] longTx;

	int n;

	/** The reading ended after the rows held (end of input or {@link #failure}). */
	boolean last;

	/** Why reading stopped after the rows held, or null. */
	RuntimeException failure;

	private final long[] scratch = new long[4];

	ParsedRows(int capacity) {
		this.capacity = capacity;
		this.rows = new long[capacity * W];
		this.keys = new long[capacity * KW];
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
		if (!AccountIndex.key(b, from, to, this.keys, r * KW + side * 4)) {
			this.longAccount[r * 2 + side] = Arrays.copyOfRange(b, from, to);
		}
	}

}
