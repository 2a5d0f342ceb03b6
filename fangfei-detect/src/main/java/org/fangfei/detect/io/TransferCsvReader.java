package org.fangfei.detect.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.fangfei.detect.BadInputException;

/**
 * Reads the transfers CSV (UTF-8, header row, optionally gzip) as {@link Transfer}s in
 * file order. Any wrong line — header, column count, quoting, time, amount — throws
 * {@link BadInputException} naming the line; nothing is skipped. Reordering within the
 * lateness is the caller's job ({@code scan} does it).
 */
public final class TransferCsvReader implements Iterator<Transfer>, AutoCloseable {

	private final LineSource lines;

	private final TransferParser parser = new TransferParser();

	private Transfer next;

	public TransferCsvReader(InputStream in) {
		this.lines = new LineSource(in);
		if (!this.lines.next()) {
			throw new BadInputException(1, "the file is empty; expected the header " + TransferParser.HEADER);
		}
		TransferParser.checkHeader(this.lines.buf(), this.lines.start(), this.lines.end());
	}

	/** Opens a file; gunzips it when the name ends in {@code .gz}. */
	public static TransferCsvReader open(Path file) {
		try {
			return new TransferCsvReader(LineSource.open(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open " + file, ex);
		}
	}

	/** Parses one data line (without its line break). */
	public static Transfer parseLine(String line, long lineNumber) {
		byte[] b = line.getBytes(StandardCharsets.UTF_8);
		int end = b.length;
		if (end > 0 && b[end - 1] == '\r') {
			end--;
		}
		TransferParser p = new TransferParser();
		p.split(b, 0, end, lineNumber);
		return toTransfer(p, lineNumber);
	}

	private static Transfer toTransfer(TransferParser p, long line) {
		return new Transfer(p.string(TransferParser.TX), p.timeMillis(), line, p.string(TransferParser.PAYER),
				p.string(TransferParser.PAYER_NAME), p.string(TransferParser.PAYEE),
				p.string(TransferParser.PAYEE_NAME), p.amountFen(), p.string(TransferParser.CHANNEL),
				p.string(TransferParser.MEMO));
	}

	@Override
	public boolean hasNext() {
		if (this.next == null && this.lines.next()) {
			this.parser.split(this.lines.buf(), this.lines.start(), this.lines.end(), this.lines.line());
			this.next = toTransfer(this.parser, this.lines.line());
		}
		return this.next != null;
	}

	@Override
	public Transfer next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		Transfer t = this.next;
		this.next = null;
		return t;
	}

	@Override
	public void close() {
		this.lines.close();
	}

}
