package org.fangfei.detect.io;

import java.nio.charset.StandardCharsets;

import org.fangfei.detect.BadInputException;

/**
 * Byte-level parser of one transfers-CSV line: splits the nine columns (RFC 4180 quoting,
 * unescaped in place) and reads time and amount without creating Strings. One instance
 * per thread; reused. {@link LineSource#nextSplit} hands it one line after the other;
 * then column {@code c} is {@code buf[start(c), end(c))} of the line source's buffer.
 */
public final class TransferParser {

	/** The header row every transfers CSV starts with. */
	public static final String HEADER = "tx_id,time,payer_account,payer_name,payee_account,payee_name,amount,channel,memo";

	static final String[] COLUMNS = HEADER.split(",");

	public static final int TX = 0;

	public static final int TIME = 1;

	public static final int PAYER = 2;

	public static final int PAYER_NAME = 3;

	public static final int PAYEE = 4;

	public static final int PAYEE_NAME = 5;

	public static final int AMOUNT = 6;

	public static final int CHANNEL = 7;

	public static final int MEMO = 8;

	private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);

	final int[] start = new int[9];

	final int[] end = new int[9];

	byte[] b;

	long line;

	/** The last date part parsed (bytes 0-7 and 8-9 of the time) and its epoch millis. */
	private long lastDate8;

	private int lastDate2 = Integer.MIN_VALUE;

	private long lastDayMillis;

	/**
	 * Refuses a first line that is not {@link #HEADER}.
	 * @throws BadInputException naming line 1
	 */
	public static void checkHeader(byte[] b, int from, int to) {
		if (!java.util.Arrays.equals(b, from, to, HEADER_BYTES, 0, HEADER_BYTES.length)) {
			String was = new String(b, from, Math.min(to - from, 200), StandardCharsets.UTF_8);
			throw new BadInputException(1, "header must be '" + HEADER + "' but was '" + was + "'");
		}
	}

	/** Splits the line into columns and checks the required ones are present. */
	void split(byte[] bytes, int from, int to, long lineNumber) {
		this.b = bytes;
		this.line = lineNumber;
		if (from == to) {
			throw new BadInputException(lineNumber, "empty line (expected 9 columns: " + HEADER + ")");
		}
		int f = 0;
		int i = from;
		while (true) {
			if (f == 9) {
				throw new BadInputException(lineNumber, "more than 9 columns (expected " + HEADER + ")");
			}
			if (i < to && bytes[i] == '"') {
				int w = i + 1;
				int r = i + 1;
				this.start[f] = w;
				while (true) {
					if (r >= to) {
						throw new BadInputException(lineNumber, "unterminated quote in column " + COLUMNS[f]);
					}
					if (bytes[r] == '"') {
						if (r + 1 < to && bytes[r + 1] == '"') {
							bytes[w++] = '"';
							r += 2;
							continue;
						}
						r++;
						break;
					}
					bytes[w++] = bytes[r++];
				}
				this.end[f] = w;
				i = r;
				if (i < to && bytes[i] != ',') {
					throw new BadInputException(lineNumber, "text after the closing quote in column " + COLUMNS[f]);
				}
			}
			else {
				this.start[f] = i;
				i = Bytes.find(bytes, i, to, (byte) ',', Bytes.COMMA);
				this.end[f] = i;
			}
			f++;
			if (i >= to) {
				break;
			}
			i++;
		}
		if (f != 9) {
			throw new BadInputException(lineNumber,
					"expected 9 columns (" + HEADER + ") but found " + f + "; missing " + COLUMNS[f]);
		}
		require(TX);
		require(TIME);
		require(PAYER);
		require(PAYEE);
		require(AMOUNT);
	}

	private static final long QUOTE = 0x2222222222222222L;

	private static final long LOWS7 = 0x7F7F7F7F7F7F7F7FL;

	/** High bit set in exactly the zero bytes of x (no false positives above a match). */
	private static long zeros(long x) {
		return ~(((x & LOWS7) + LOWS7) | x | LOWS7);
	}

	/**
	 * One pass over a plain line (no quotes) starting at {@code from}: finds the commas
	 * and the line break together, eight bytes at a time. Returns the index of the line's
	 * {@code '\n'} with the nine columns split, or -1 when the line is not a plain
	 * nine-column line ending before {@code limit - 8} (quotes, a wrong column count, or
	 * too near the end of the buffer); the caller then takes the general path, which
	 * reports errors.
	 */
	int splitPlain(byte[] bytes, int from, int limit) {
		int[] s = this.start;
		int[] e = this.end;
		int f = 0;
		s[0] = from;
		int i = from;
		while (i + 8 <= limit) {
			long w = Bytes.longAt(bytes, i);
			long m = zeros(w ^ Bytes.COMMA) | zeros(w ^ Bytes.NEWLINE) | zeros(w ^ QUOTE);
			while (m != 0) {
				int pos = i + (Long.numberOfTrailingZeros(m) >>> 3);
				byte c = bytes[pos];
				if (c == ',') {
					if (f == 8) {
						return -1;
					}
					e[f] = pos;
					s[++f] = pos + 1;
				}
				else if (c == '\n' && f == 8) {
					e[8] = (pos > s[8] && bytes[pos - 1] == '\r') ? pos - 1 : pos;
					return pos;
				}
				else {
					return -1;
				}
				m &= m - 1;
			}
			i += 8;
		}
		return -1;
	}

	/** After {@link #splitPlain}: the same checks as {@link #split}. */
	void plainLine(byte[] bytes, long lineNumber) {
		this.b = bytes;
		this.line = lineNumber;
		require(TX);
		require(TIME);
		require(PAYER);
		require(PAYEE);
		require(AMOUNT);
	}

	private void require(int f) {
		if (this.start[f] == this.end[f]) {
			throw new BadInputException(this.line, "column " + COLUMNS[f] + " is empty");
		}
	}

	/** Where column {@code c} of the line starts in the buffer. */
	public int start(int c) {
		return this.start[c];
	}

	/** Where column {@code c} of the line ends (exclusive) in the buffer. */
	public int end(int c) {
		return this.end[c];
	}

	/** Column {@code f} as text (unescaped). */
	public String string(int f) {
		return new String(this.b, this.start[f], this.end[f] - this.start[f], StandardCharsets.UTF_8);
	}

	/** The amount in fen: digits with up to two decimals, no sign. */
	public long amountFen() {
		int i = this.start[AMOUNT];
		int to = this.end[AMOUNT];
		long yuan = 0;
		int digits = 0;
		while (i < to && this.b[i] >= '0' && this.b[i] <= '9') {
			yuan = yuan * 10 + (this.b[i++] - '0');
			digits++;
		}
		long fen = 0;
		int decimals = 0;
		if (i < to && this.b[i] == '.') {
			i++;
			while (i < to && this.b[i] >= '0' && this.b[i] <= '9' && decimals < 3) {
				fen = fen * 10 + (this.b[i++] - '0');
				decimals++;
			}
			if (decimals == 0 || decimals > 2) {
				throw badAmount(decimals == 0 ? "has no digits after the point" : "has more than two decimals");
			}
		}
		if (i != to || digits == 0 || digits > 15) {
			boolean negative = this.b[this.start[AMOUNT]] == '-';
			throw badAmount(negative ? "is negative" : "is not an amount in yuan like 1234.56");
		}
		return yuan * 100 + ((decimals == 1) ? fen * 10 : fen);
	}

	private BadInputException badAmount(String problem) {
		return new BadInputException(this.line, "amount '" + string(AMOUNT) + "' " + problem);
	}

	/** The time as epoch millis of the local date-time read as UTC. */
	public long timeMillis() {
		int i = this.start[TIME];
		int n = this.end[TIME] - i;
		byte[] t = this.b;
		if (n < 16 || t[i + 4] != '-' || t[i + 7] != '-' || (t[i + 10] != 'T' && t[i + 10] != ' ')
				|| t[i + 13] != ':') {
			throw badTime();
		}
		// Rows come in time order: the date part is parsed only when it changes.
		long date8 = Bytes.longAt(t, i);
		int date2 = ((t[i + 8] & 0xFF) << 8) | (t[i + 9] & 0xFF);
		long dayMillis;
		if (date8 == this.lastDate8 && date2 == this.lastDate2) {
			dayMillis = this.lastDayMillis;
		}
		else {
			int year = digits(i, 4);
			int month = digits(i + 5, 2);
			int day = digits(i + 8, 2);
			if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
				throw badTime();
			}
			dayMillis = epochDay(year, month, day) * 86_400_000L;
			this.lastDate8 = date8;
			this.lastDate2 = date2;
			this.lastDayMillis = dayMillis;
		}
		int hour = digits(i + 11, 2);
		int minute = digits(i + 14, 2);
		int second = 0;
		int millis = 0;
		if (n > 16) {
			if (n < 19 || t[i + 16] != ':') {
				throw badTime();
			}
			second = digits(i + 17, 2);
			if (n > 19) {
				if (t[i + 19] != '.' || n == 20 || n > 29) {
					throw badTime();
				}
				int frac = digits(i + 20, Math.min(3, n - 20));
				for (int k = n - 20; k < 3; k++) {
					frac *= 10;
				}
				if (n > 23) {
					digits(i + 23, n - 23);
				}
				millis = frac;
			}
		}
		if (hour > 23 || minute > 59 || second > 59) {
			throw badTime();
		}
		return dayMillis + (hour * 60 + minute) * 60_000L + second * 1000L + millis;
	}

	private int digits(int from, int count) {
		int v = 0;
		for (int k = 0; k < count; k++) {
			int d = this.b[from + k] - '0';
			if (d < 0 || d > 9) {
				throw badTime();
			}
			v = v * 10 + d;
		}
		return v;
	}

	private BadInputException badTime() {
		return new BadInputException(this.line,
				"time '" + string(TIME) + "' is not an ISO local date-time like 2024-03-01T10:15:00");
	}

	static int daysInMonth(int year, int month) {
		if (month == 2) {
			boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
			return leap ? 29 : 28;
		}
		return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
	}

	/** Days since 1970-01-01 (proleptic Gregorian), H. Hinnant's days_from_civil. */
	public static long epochDay(int year, int month, int day) {
		int y = (month <= 2) ? year - 1 : year;
		int era = Math.floorDiv(y, 400);
		int yoe = y - era * 400;
		int mp = (month + 9) % 12;
		int doy = (153 * mp + 2) / 5 + day - 1;
		int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
		return era * 146097L + doe - 719468;
	}

}
