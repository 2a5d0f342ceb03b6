package org.fangfei.detect.engine;

import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.fangfei.detect.BadInputException;
import org.fangfei.detect.io.LineSource;
import org.fangfei.detect.io.TransferParser;

/**
 * The reading thread of a pipelined {@link Scan}: reads the transfers CSV (header
 * checked), splits and parses each line with the byte-level {@link TransferParser} into
 * {@link ParsedRows} batches, interns their accounts in an {@link AccountIndex} of its
 * own (ids only: the detecting thread adopts the new accounts with their states) and
 * hands the batches over in order through a bounded queue. A fixed number of batches
 * circulate (full ones to the detecting thread, empty ones back), so the memory held is
 * bounded whatever the input's size. The batch in which reading ends is marked
 * {@link ParsedRows#last}, with the exception that ended it, if any.
 */
final class ParseAhead implements Runnable {

	private final InputStream in;

	private final MemoKeywords keywords;

	private final BlockingQueue<ParsedRows> full;

	private final BlockingQueue<ParsedRows> free;

	private volatile boolean stopped;

	/** Account ids, assigned here in row order. */
	private final AccountIndex accounts = new AccountIndex(false);

	ParseAhead(InputStream in, MemoKeywords keywords, int batches, int rowsPerBatch) {
		this.in = in;
		this.keywords = keywords;
		this.full = new ArrayBlockingQueue<>(batches);
		this.free = new ArrayBlockingQueue<>(batches);
		for (int i = 0; i < batches; i++) {
			this.free.add(new ParsedRows(rowsPerBatch));
		}
	}

	@Override
	public void run() {
		ParsedRows batch;
		try {
			batch = this.free.take();
		}
		catch (InterruptedException ex) {
			return;
		}
		try {
			batch = read(batch);
		}
		catch (InterruptedException ex) {
			return;
		}
		catch (RuntimeException ex) {
			batch.failure = ex;
		}
		catch (Error ex) {
			batch.failure = new IllegalStateException("reading the transfers failed: " + ex, ex);
		}
		batch.last = true;
		try {
			batch.intern(this.accounts);
		}
		catch (RuntimeException | Error ex) {
			batch.n = 0;
			batch.newCount = 0;
			batch.failure = new IllegalStateException("reading the transfers failed: " + ex, ex);
		}
		try {
			this.full.put(batch);
		}
		catch (InterruptedException ex) {
			// The detecting thread has stopped: nobody waits for the batch.
		}
	}

	private ParsedRows read(ParsedRows first) throws InterruptedException {
		ParsedRows batch = first;
		LineSource lines = new LineSource(this.in);
		if (!lines.next()) {
			throw new BadInputException(1, "the file is empty; expected the header " + TransferParser.HEADER);
		}
		TransferParser.checkHeader(lines.buf(), lines.start(), lines.end());
		TransferParser p = new TransferParser();
		MemoKeywords k = this.keywords;
		while (lines.nextSplit(p)) {
			batch.add(lines.buf(), p, lines.line(), k);
			if (batch.full()) {
				batch.intern(this.accounts);
				this.full.put(batch);
				if (this.stopped) {
					throw new InterruptedException();
				}
				batch = this.free.take();
			}
		}
		return batch;
	}

	/** The next batch in input order (waits for it). */
	ParsedRows take() {
		try {
			return this.full.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for transfers", ex);
		}
	}

	/** Returns a batch the detecting thread has taken. */
	void giveBack(ParsedRows b) {
		b.clear();
		this.free.add(b);
	}

	/** Tells the reading thread to stop at its next hand-over. */
	void stop() {
		this.stopped = true;
	}

}
