package org.fangfei.detect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The end-to-end engine of {@code scan}: reads the transfers CSV with the byte-level
 * parser, reorders rows within the lateness by (time, seq), splits each into the payer's
 * outflow leg and the payee's inflow leg, and feeds them to the {@link Detector} with the
 * account's state. A row later than the lateness stops the scan with a
 * {@link BadInputException} naming its line.
 */
public final class Scan {

	private final Detector detector;

	private final DetectorConfig config;

	private final AccountIndex accounts = new AccountIndex();

	private final ReorderBuffer buffer = new ReorderBuffer();

	private final Leg leg = new Leg();

	/** Transfer ids are made from the buffer's bytes only when the detector needs one. */
	private final Leg.Lazy txIds = new Leg.Lazy() {

		@Override
		public String txId(int slot) {
			return Scan.this.buffer.txId(slot);
		}

		@Override
		public boolean packTxId(int slot, long[] out, int at) {
			return Scan.this.buffer.packTxId(slot, out, at);
		}

	};

	private static final int BATCH = 256;

	private final int[] pending = new int[BATCH];

	private int pendingN;

	/** Sink for {@link AccountState#touch}, so the reads are not optimised away. */
	private long touched;

	/** What a scan did. */
	public record Result(long transfers, long alerts, long accounts, double seconds) {

		public double transfersPerSecond() {
			return this.transfers / Math.max(this.seconds, 1e-9);
		}

	}

	public Scan(DetectorConfig config) {
		this.config = config;
		this.detector = new Detector(config);
	}

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

	/** Scans a transfers CSV stream and hands every alert to the sink. */
	public Result run(InputStream in, AlertSink sink) {
		long t0 = System.nanoTime();
		long[] alerts = new long[1];
		AlertSink counting = (a) -> {
			alerts[0]++;
			sink.alert(a);
		};
		TransferParser p = new TransferParser();
		MemoKeywords keywords = this.config.keywords;
		long lateness = this.config.latenessMillis();
		long maxSeen = Long.MIN_VALUE;
		long maxLine = 0;
		long rows = 0;
		try (LineSource lines = new LineSource(in)) {
			if (!lines.next()) {
				throw new BadInputException(1, "the file is empty; expected the header " + TransferParser.HEADER);
			}
			TransferParser.checkHeader(lines.buf(), lines.start(), lines.end());
			while (lines.nextSplit(p)) {
				byte[] b = lines.buf();
				long line = lines.line();
				long time = p.timeMillis();
				long fen = p.amountFen();
				if (maxSeen != Long.MIN_VALUE && time < maxSeen - lateness) {
					throw new BadInputException(line,
							"time " + Texts.time(time) + " is earlier than the allowed lateness (" + lateness / 60_000
									+ " min) behind " + Texts.time(maxSeen) + " (line " + maxLine
									+ "); the rows must be in time order");
				}
				int slot = this.buffer.add(time, line, -1, -1, fen, 0, b, p.start[TransferParser.TX],
						p.end[TransferParser.TX]);
				stage(b, p.start[TransferParser.PAYER], p.end[TransferParser.PAYER], slot, false);
				stage(b, p.start[TransferParser.PAYEE], p.end[TransferParser.PAYEE], slot, true);
				int ms = p.start[TransferParser.MEMO];
				int me = p.end[TransferParser.MEMO];
				int kw = (ms == me) ? 0 : keywords.match(b, ms, me);
				if (kw != 0) {
					this.buffer.kw[slot] = kw;
					this.buffer.memo[slot] = p.string(TransferParser.MEMO);
				}
				rows++;
				if (time > maxSeen) {
					maxSeen = time;
					maxLine = line;
				}
				if (this.stagedN >= STAGE) {
					internStaged();
					// Releasing only every STAGE rows gives the same order: a row added
					// later is never earlier than the release threshold of any row
					// before it (or it would have been refused as late).
					long release = maxSeen - lateness;
					while (this.buffer.size() > 0 && this.buffer.topTime() <= release) {
						release(this.buffer.pop(), counting);
					}
				}
			}
			internStaged();
			while (this.buffer.size() > 0) {
				release(this.buffer.pop(), counting);
			}
			flush(counting);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		return new Result(rows, alerts[0], this.accounts.size(), seconds);
	}

	private static final int STAGE = 64;

	/** Accounts of rows in the buffer whose ids are not known yet: 4 key longs each. */
	private final long[] stagedKeys = new long[2 * STAGE * 4];

	/** Where each staged id goes: slot * 2 (+ 1 for the payee). */
	private final int[] stagedTarget = new int[2 * STAGE];

	private int stagedN;

	/**
	 * Packs an account for interning with the next batch, so the batch's lookups in the
	 * account table overlap their cache misses; long account numbers are interned at
	 * once.
	 */
	private void stage(byte[] b, int from, int to, int slot, boolean payee) {
		int n = this.stagedN;
		if (AccountIndex.key(b, from, to, this.stagedKeys, n << 2)) {
			this.stagedTarget[n] = (slot << 1) | (payee ? 1 : 0);
			this.stagedN = n + 1;
			return;
		}
		int id = this.accounts.intern(b, from, to);
		if (payee) {
			this.buffer.payee[slot] = id;
		}
		else {
			this.buffer.payer[slot] = id;
		}
	}

	private void internStaged() {
		int n = this.stagedN;
		long v = 0;
		for (int i = 0; i < n; i++) {
			v += this.accounts.peek(this.stagedKeys, i << 2);
		}
		this.touched += v;
		ReorderBuffer r = this.buffer;
		for (int i = 0; i < n; i++) {
			int id = this.accounts.intern(this.stagedKeys, i << 2);
			int target = this.stagedTarget[i];
			if ((target & 1) != 0) {
				r.payee[target >>> 1] = id;
			}
			else {
				r.payer[target >>> 1] = id;
			}
		}
		this.stagedN = 0;
	}

	private void release(int slot, AlertSink sink) {
		this.pending[this.pendingN++] = slot;
		if (this.pendingN == BATCH) {
			flush(sink);
		}
	}

	/**
	 * Processes the released rows in order. The memory they need is first loaded in two
	 * passes whose loads do not depend on each other within a pass (the records and the
	 * ring lines of the day, then what the records point to: counterparty slots, ring
	 * days to expire), so the CPU overlaps the cache misses.
	 */
	private void flush(AlertSink sink) {
		ReorderBuffer r = this.buffer;
		AccountStore st = this.accounts.store();
		int n = this.pendingN;
		int[] pend = this.pending;
		long v = 0;
		for (int i = 0; i < n; i++) {
			int slot = pend[i];
			long t = r.time[slot];
			v += st.prefetch(r.payer[slot], t) + st.prefetch(r.payee[slot], t);
		}
		for (int i = 0; i < n; i++) {
			int slot = pend[i];
			long t = r.time[slot];
			int payer = r.payer[slot];
			int payee = r.payee[slot];
			v += st.prefetchDependent(payer, t, this.accounts.detectorHash(payee))
					+ st.prefetchDependent(payee, t, this.accounts.detectorHash(payer));
		}
		this.touched += v;
		for (int i = 0; i < n; i++) {
			process(pend[i], sink);
		}
		this.pendingN = 0;
	}

	private void process(int slot, AlertSink sink) {
		ReorderBuffer r = this.buffer;
		AccountStore st = this.accounts.store();
		int payer = r.payer[slot];
		int payee = r.payee[slot];
		Leg l = this.leg;
		l.set(r.time[slot], r.seq[slot], this.accounts.name(payer), false, this.accounts.name(payee), r.fen[slot],
				r.memo[slot], null);
		l.lazy = this.txIds;
		l.lazyRef = slot;
		l.memoKeywords = r.kw[slot];
		l.counterpartyHash = this.accounts.detectorHash(payee);
		l.counterpartyId = payee;
		this.detector.onLeg(st.at(payer), l, sink);
		l.account = this.accounts.name(payee);
		l.counterparty = this.accounts.name(payer);
		l.counterpartyHash = this.accounts.detectorHash(payer);
		l.counterpartyId = payer;
		l.inflow = true;
		this.detector.onLeg(st.at(payee), l, sink);
		r.free(slot);
	}

}
