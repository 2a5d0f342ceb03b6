package org.fangfei.detect.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Lines of a byte stream without a String per line: after {@link #next()} the line is
 * {@code buf()[start(), end())}, without its line break.
 */
public final class LineSource implements AutoCloseable {

	private final InputStream in;

	private byte[] buf = new byte[1 << 20];

	private int pos;

	private int limit;

	private int start;

	private int end;

	private long line;

	private boolean eof;

	public LineSource(InputStream in) {
		this.in = in;
	}

	/** Opens a file, gunzipping it when its name ends in {@code .gz}. */
	public static InputStream open(Path file) throws IOException {
		InputStream raw = Files.newInputStream(file);
		if (file.getFileName().toString().endsWith(".gz")) {
			return new GZIPInputStream(raw, 1 << 16);
		}
		return new BufferedInputStream(raw, 1 << 16);
	}

	/** Advances to the next line; false at the end of the input. */
	public boolean next() {
		while (true) {
			int i = Bytes.find(this.buf, this.pos, this.limit, (byte) '\n', Bytes.NEWLINE);
			if (i < this.limit) {
				take(i, i + 1);
				return true;
			}
			if (this.eof) {
				if (this.pos < this.limit) {
					take(this.limit, this.limit);
					return true;
				}
				return false;
			}
			fill();
		}
	}

	/**
	 * Advances to the next line and splits it into {@code p}; false at the end of the
	 * input. Plain lines are found and split in one pass
	 * ({@link TransferParser#splitPlain}).
	 */
	public boolean nextSplit(TransferParser p) {
		int nl = p.splitPlain(this.buf, this.pos, this.limit);
		if (nl >= 0) {
			this.start = this.pos;
			this.end = p.end[TransferParser.MEMO];
			this.pos = nl + 1;
			this.line++;
			p.plainLine(this.buf, this.line);
			return true;
		}
		if (!next()) {
			return false;
		}
		p.split(this.buf, this.start, this.end, this.line);
		return true;
	}

	private void take(int lineEnd, int nextPos) {
		this.start = this.pos;
		this.end = (lineEnd > this.start && this.buf[lineEnd - 1] == '\r') ? lineEnd - 1 : lineEnd;
		this.pos = nextPos;
		this.line++;
		if (this.line == 1 && this.end - this.start >= 3 && this.buf[this.start] == (byte) 0xEF
				&& this.buf[this.start + 1] == (byte) 0xBB && this.buf[this.start + 2] == (byte) 0xBF) {
			this.start += 3;
		}
	}

	private void fill() {
		int rest = this.limit - this.pos;
		if (this.pos > 0) {
			System.arraycopy(this.buf, this.pos, this.buf, 0, rest);
		}
		else if (rest == this.buf.length) {
			byte[] bigger = new byte[this.buf.length * 2];
			System.arraycopy(this.buf, 0, bigger, 0, rest);
			this.buf = bigger;
		}
		this.pos = 0;
		this.limit = rest;
		try {
			int n = this.in.read(this.buf, this.limit, this.buf.length - this.limit);
			if (n < 0) {
				this.eof = true;
			}
			else {
				this.limit += n;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read transfers after line " + this.line, ex);
		}
	}

	public byte[] buf() {
		return this.buf;
	}

	public int start() {
		return this.start;
	}

	public int end() {
		return this.end;
	}

	/** 1-based number of the current line. */
	public long line() {
		return this.line;
	}

	@Override
	public void close() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
