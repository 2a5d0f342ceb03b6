package org.fangfei.detect.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangfei.detect.graph.GraphStage;
import org.fangfei.detect.AlertSink;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.io.AlertCsv;
import org.fangfei.detect.io.Formats;
import org.fangfei.detect.io.LineSource;
import org.fangfei.detect.io.TransferParser;

/**
 * The end-to-end engine of {@code scan}: reads the transfers CSV with the byte-level
 * parser, interns the account numbers and collects the rows in a {@link Chunk}, which
 * feeds each row's two legs (the payer's outflow, the payee's inflow) to the
 * {@link Detector} grouped by account, each account's legs in (time, seq) order. A row
 * earlier than the lateness allows stops the scan with a {@link BadInputException} naming
 * its line. A scan reads one input.
 */
public final class Scan {

	private final Detector detector;

	private final MemoKeywords keywords;

	private final long lateness;

	private final AccountIndex accounts = new AccountIndex();

	/**
	 * Rows per chunk once it has grown (about 320 MB): enough for each account to have
	 * many legs in a chunk, so its state is loaded once for all of them.
	 */
	private static final int CHUNK = 1 << 22;

	private final Chunk chunk;

	/** Sink for the loads made ahead, so they are not optimised away. */
	private long touched;

	/** What a scan did. */
	public record Result(long transfers, long alerts, long accounts, double seconds) {

		public double transfersPerSecond() {
			return this.transfers / Math.max(this.seconds, 1e-9);
		}

	}

	/**
	 * A scan that parses on a second thread when the machine has more than one core
	 * (system property {@code fangfei.detect.threads=1} keeps it on one).
	 */
	public Scan(DetectorConfig config) {
		this(config, pipelined() ? PIPELINED_CHUNK : CHUNK, pipelined());
	}

	private static boolean pipelined() {
		String threads = System.getProperty("fangfei.detect.threads");
		if (threads != null) {
			return !threads.trim().equals("1");
		}
		return Runtime.getRuntime().availableProcessors() > 1;
	}

	/** A scan whose chunk grows to {@code chunkRows} rows (tests use small ones). */
	Scan(DetectorConfig config, int chunkRows) {
		this(config, chunkRows, false);
	}

	/**
	 * A scan whose chunk grows to {@code chunkRows} rows; {@code parseAhead}: the input
	 * is read and parsed on a second thread.
	 */
	Scan(DetectorConfig config, int chunkRows, boolean parseAhead) {
		this(config, chunkRows, parseAhead ? BATCH_ROWS : 0);
	}

	/**
	 * A scan whose chunk grows to {@code chunkRows} rows, parsing on a second thread in
	 * batches of {@code batchRows} rows when that is positive.
	 */
	Scan(DetectorConfig config, int chunkRows, int batchRows) {
		this.chunk = new Chunk(Math.min(chunkRows, 1 << 16), chunkRows);
		this.graph = new GraphStage(config.graphSettings());
		this.chunk.graph(this.graph);
		this.detector = new Detector(config);
		this.keywords = config.keywords;
		this.lateness = config.latenessMillis();
		this.parseAhead = batchRows > 0;
		this.batchRows = batchRows;
		this.chunkRows = chunkRows;
	}

	private final GraphStage graph;

	private final boolean parseAhead;

	private final int chunkRows;

	private final int batchRows;

	/**
	 * Rows per chunk when parsing runs ahead: smaller than {@link #CHUNK}, so the
	 * detecting thread processes one chunk while the reading thread parses the next.
	 */
	static final int PIPELINED_CHUNK = Integer.getInteger("fangfei.detect.chunk", 1 << 18);

	/** Rows per batch handed from the reading thread to the detecting one. */
	static final int BATCH_ROWS = 1 << 15;

	/** Scans a file (gzip when named {@code .gz}) and writes the alerts CSV. */
	public Result run(Path in, Path alertsOut) throws IOException {
		Path tmp = alertsOut.resolveSibling(alertsOut.getFileName() + ".part");
		Result r;
		try (InputStream is = LineSource.open(in);
				Writer w = new BufferedWriter(
						new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
			AlertCsv csv = new AlertCsv(w);
			r = run(is, csv::write);
		}
		catch (RuntimeException | IOException ex) {
			Files.deleteIfExists(tmp);
			throw ex;
		}
		Files.move(tmp, alertsOut, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return r;
	}

	/**
	 * Writes, after a run, every account a look-alike guard held back (考虑过但未预警):
	 * {@code account,reasons,explanation}, reasons as {@link Considered} names joined by
	 * {@code |}.
	 */
	public void writeConsidered(Path out) throws IOException {
		AccountStore store = this.accounts.store();
		try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			w.write("account,reasons,explanation\n");
			for (int id = 0; id < this.accounts.size(); id++) {
				int bits = store.at(id).considered();
				if (this.graph.heldBack().contains(this.accounts.name(id))) {
					bits |= Considered.SHARE_PLAN_WAGES.bit();
				}
				if (bits != 0) {
					java.util.List<Considered> why = Considered.of(bits);
					w.write(this.accounts.name(id) + "," + String.join("|", why.stream().map(Considered::name).toList())
							+ "," + String.join("；", why.stream().map(Considered::reason).toList()) + "\n");
				}
			}
		}
	}

	/** Scans a transfers CSV stream and hands every alert to the sink. */
	public Result run(InputStream in, AlertSink sink) {
		if (this.parseAhead) {
			return runParsingAhead(in, sink);
		}
		long t0 = System.nanoTime();
		long[] alerts = new long[1];
		AlertSink counting = (a) -> {
			alerts[0]++;
			sink.alert(a);
		};
		TransferParser p = new TransferParser();
		long rows = 0;
		try (LineSource lines = new LineSource(in)) {
			if (!lines.next()) {
				throw new BadInputException(1, "the file is empty; expected the header " + TransferParser.HEADER);
			}
			TransferParser.checkHeader(lines.buf(), lines.start(), lines.end());
			Chunk c = this.chunk;
			while (lines.nextSplit(p)) {
				row(lines, p);
				rows++;
				if (c.full()) {
					internStaged();
					// No row read later can be earlier than this (or it is refused as
					// late).
					c.process(this.detector, this.accounts.store(), counting, this.maxSeen - this.lateness);
				}
			}
			internStaged();
			this.chunk.process(this.detector, this.accounts.store(), counting);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new Result(rows, alerts[0], this.accounts.size(), seconds);
	}

	/**
	 * As {@link #run(InputStream, AlertSink)}, with the input read and parsed by a second
	 * thread ({@link ParseAhead}) into batches of {@link ParsedRows}, handed over through
	 * a bounded queue of about one chunk of rows, their accounts interned there too; this
	 * thread takes the accounts new in each batch (name and empty state) and feeds the
	 * detector. The same rows reach the chunk in the same order, so the alerts are the
	 * same. A failure of the reading thread (a bad line, a read error) ends the scan with
	 * that exception once the rows before it are taken; a failure here stops the reading
	 * thread.
	 */
	private Result runParsingAhead(InputStream in, AlertSink sink) {
		long t0 = System.nanoTime();
		long[] alerts = new long[1];
		AlertSink counting = (a) -> {
			alerts[0]++;
			sink.alert(a);
		};
		int batches = Math.max(2, Math.min(64, this.chunkRows / this.batchRows)) + 2;
		ParseAhead ahead = new ParseAhead(in, this.keywords, batches, this.batchRows);
		Thread reader = new Thread(ahead, "fangfei-scan-reader");
		reader.setDaemon(true);
		reader.start();
		long rows = 0;
		try {
			Chunk c = this.chunk;
			while (true) {
				ParsedRows b = ahead.take();
				for (int k = 0; k < b.newCount; k++) {
					this.accounts.adopt(b.newFrom + k, b.newNames[k]);
				}
				for (int i = 0, n = b.n; i < n; i++) {
					row(b, i);
					rows++;
					if (c.full()) {
						c.process(this.detector, this.accounts.store(), counting, this.maxSeen - this.lateness);
					}
				}
				if (b.failure != null) {
					throw b.failure;
				}
				boolean last = b.last;
				ahead.giveBack(b);
				if (last) {
					break;
				}
			}
			this.chunk.process(this.detector, this.accounts.store(), counting);
		}
		finally {
			ahead.stop();
			reader.interrupt();
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new Result(rows, alerts[0], this.accounts.size(), seconds);
	}

	/**
	 * As {@link #row(LineSource, TransferParser)}, for row {@code i} of a parsed batch.
	 */
	private void row(ParsedRows b, int i) {
		long[] x = b.rows;
		int at = i * ParsedRows.W;
		long line = x[at + ParsedRows.LINE];
		long time = x[at + ParsedRows.TIME];
		long lateness = this.lateness;
		if (this.maxSeen != Long.MIN_VALUE && time < this.maxSeen - lateness) {
			throw late(line, time);
		}
		Chunk c = this.chunk;
		int r = c.addRow(time, line, x[at + ParsedRows.FEN]);
		long flags = x[at + ParsedRows.KEYWORDS];
		if ((flags & ParsedRows.TX_PACKED) != 0) {
			c.setTxPacked(r, x[at + ParsedRows.TX], x[at + ParsedRows.TX + 1]);
		}
		else {
			byte[] tx = b.longTx[i];
			c.setTx(r, tx, 0, tx.length);
		}
		long payer = x[at + ParsedRows.IDS];
		long payee = x[at + ParsedRows.IDS + 1];
		c.setAccount(r, false, AccountIndex.id(payer), AccountIndex.hash(payer));
		c.setAccount(r, true, AccountIndex.id(payee), AccountIndex.hash(payee));
		int kw = (int) flags;
		if (kw != 0) {
			c.setMemo(r, kw, b.memo[i]);
		}
		if (time > this.maxSeen) {
			this.maxSeen = time;
			this.maxLine = line;
		}
		else if (time < this.maxSeen) {
			c.markDisordered(r);
		}
	}

	private BadInputException late(long line, long time) {
		return new BadInputException(line,
				"time " + Formats.time(time) + " is earlier than the allowed lateness (" + this.lateness / 60_000
						+ " min) behind " + Formats.time(this.maxSeen) + " (line " + this.maxLine
						+ "); the rows must be in time order");
	}

	/** Latest time read, and its line. */
	private long maxSeen = Long.MIN_VALUE;

	private long maxLine;

	/**
	 * Takes one split line. (A method of its own, so the JIT compiles it once instead of
	 * compiling the whole loop of {@link #run(InputStream, AlertSink)} on stack.)
	 */
	private void row(LineSource lines, TransferParser p) {
		byte[] b = lines.buf();
		long line = lines.line();
		long time = p.timeMillis();
		long fen = p.amountFen();
		long lateness = this.lateness;
		if (this.maxSeen != Long.MIN_VALUE && time < this.maxSeen - lateness) {
			throw late(line, time);
		}
		Chunk c = this.chunk;
		int r = c.addRow(time, line, fen);
		c.setTx(r, b, p.start(TransferParser.TX), p.end(TransferParser.TX));
		stage(b, p.start(TransferParser.PAYER), p.end(TransferParser.PAYER), r, false);
		stage(b, p.start(TransferParser.PAYEE), p.end(TransferParser.PAYEE), r, true);
		int ms = p.start(TransferParser.MEMO);
		int me = p.end(TransferParser.MEMO);
		if (ms != me) {
			int kw = this.keywords.match(b, ms, me);
			if (kw != 0) {
				c.setMemo(r, kw, p.string(TransferParser.MEMO));
			}
		}
		if (time > this.maxSeen) {
			this.maxSeen = time;
			this.maxLine = line;
		}
		else if (time < this.maxSeen) {
			c.markDisordered(r);
		}
		if (this.stagedN >= STAGE) {
			internStaged();
		}
	}

	private static final int STAGE = 64;

	/** Accounts of rows whose ids are not known yet: 4 key longs each. */
	private final long[] stagedKeys = new long[2 * STAGE * 4];

	/** Where each staged id goes: row * 2 (+ 1 for the payee). */
	private final int[] stagedTarget = new int[2 * STAGE];

	private int stagedN;

	/**
	 * Packs an account for interning with the next batch, so the batch's lookups in the
	 * account table overlap their cache misses; long account numbers are interned at
	 * once.
	 */
	private void stage(byte[] b, int from, int to, int row, boolean payee) {
		int n = this.stagedN;
		if (AccountIndex.key(b, from, to, this.stagedKeys, n << 2)) {
			this.stagedTarget[n] = (row << 1) | (payee ? 1 : 0);
			this.stagedN = n + 1;
			return;
		}
		long account = this.accounts.intern(b, from, to);
		this.chunk.setAccount(row, payee, AccountIndex.id(account), AccountIndex.hash(account));
	}

	private void internStaged() {
		int n = this.stagedN;
		long v = 0;
		for (int i = 0; i < n; i++) {
			v += this.accounts.peek(this.stagedKeys, i << 2);
		}
		this.touched += v;
		Chunk c = this.chunk;
		for (int i = 0; i < n; i++) {
			long account = this.accounts.intern(this.stagedKeys, i << 2);
			int target = this.stagedTarget[i];
			c.setAccount(target >>> 1, (target & 1) != 0, AccountIndex.id(account), AccountIndex.hash(account));
		}
		this.stagedN = 0;
	}

}
