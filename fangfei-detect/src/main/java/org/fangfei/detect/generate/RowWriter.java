package org.fangfei.detect.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes transfers-CSV rows as bytes with hand-made number formatting (no String per
 * row).
 */
final class RowWriter {

	private final OutputStream out;

	private final byte[] buf = new byte[1 << 16];

	private int pos;

	RowWriter(OutputStream out) {
		this.out = out;
	}

	RowWriter bytes(byte[] b) throws IOException {
		if (this.pos + b.length > this.buf.length) {
			flushBuffer();
		}
		if (b.length > this.buf.length) {
			this.out.write(b);
			return this;
		}
		System.arraycopy(b, 0, this.buf, this.pos, b.length);
		this.pos += b.length;
		return this;
	}

	RowWriter text(String s) throws IOException {
		return bytes(s.getBytes(StandardCharsets.UTF_8));
	}

	RowWriter ch(char c) throws IOException {
		if (this.pos + 1 > this.buf.length) {
			flushBuffer();
		}
		this.buf[this.pos++] = (byte) c;
		return this;
	}

	RowWriter number(long v, int minDigits) throws IOException {
		if (this.pos + 24 > this.buf.length) {
			flushBuffer();
		}
		int digits = 1;
		for (long x = v; x >= 10; x /= 10) {
			digits++;
		}
		digits = Math.max(digits, minDigits);
		for (int i = this.pos + digits - 1; i >= this.pos; i--) {
			this.buf[i] = (byte) ('0' + v % 10);
			v /= 10;
		}
		this.pos += digits;
		return this;
	}

	/** Fen as yuan: "12.30" style, two decimals. */
	RowWriter yuan(long fen) throws IOException {
		number(fen / 100, 1);
		ch('.');
		return number(fen % 100, 2);
	}

	private void flushBuffer() throws IOException {
		this.out.write(this.buf, 0, this.pos);
		this.pos = 0;
	}

	void flush() throws IOException {
		flushBuffer();
		this.out.flush();
	}

}
