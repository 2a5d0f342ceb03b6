package org.fangfei.detect.archetype;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.fangfei.detect.io.Formats;
import org.fangfei.detect.io.TransferParser;

/**
 * The accounts of the simulated county with their truth labels, and every transfer
 * between them, kept in primitive arrays and written sorted by time. Times are seconds
 * from the first day's midnight; the file's first day is {@link #FIRST_DAY}.
 */
final class Ledger {

	/** The first day of the stream. */
	static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

	static final int DAY = 86_400;

	private final SplittableRandom rng;

	private final Set<String> numbers = new HashSet<>();

	private final List<String> accountNumbers = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	private final List<Label> labels = new ArrayList<>();

	private final Map<String, Short> memoIndex = new HashMap<>();

	private final List<String> memos = new ArrayList<>();

	private long[] time = new long[1 << 16];

	private int[] payer = new int[1 << 16];

	private int[] payee = new int[1 << 16];

	private long[] fen = new long[1 << 16];

	private short[] memo = new short[1 << 16];

	private byte[] channel = new byte[1 << 16];

	private int size;

	/** The channels a transfer may name. */
	enum Channel {

		MOBILE("手机银行"), ONLINE("网上银行"), COUNTER("柜面"), QR("扫码"), PAYROLL("代发");

		final String text;

		Channel(String text) {
			this.text = text;
		}

	}

	/**
	 * What an account is, for {@code evaluate}.
	 *
	 * @param kind {@code SCHEME}, {@code LOOKALIKE}, {@code PERSON} or {@code BACKGROUND}
	 * @param type archetype, look-alike kind, {@code PERSON} or business type
	 * @param group scheme or look-alike id, may be empty
	 * @param startDay day the scheme or look-alike started, -1 when none
	 * @param role the account's part in it (e.g. {@code COLLECTOR}, {@code INVESTOR})
	 */
	record Label(String kind, String type, String group, int startDay, String role) {
	}

	Ledger(long seed) {
		this.rng = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
		this.memos.add("");
		this.memoIndex.put("", (short) 0);
	}

	/** Opens a personal account (debit-card style number). */
	int openPersonal(String name) {
		return open(name, "62" + digits(17));
	}

	/** Opens a company or organisation account (settlement account number). */
	int openCorporate(String name) {
		return open(name, "3" + digits(18));
	}

	private int open(String name, String number) {
		while (!this.numbers.add(number)) {
			number = number.substring(0, number.length() - 6) + digits(6);
		}
		this.accountNumbers.add(number);
		this.names.add(name);
		this.labels.add(new Label("PERSON", "PERSON", "", -1, ""));
		return this.names.size() - 1;
	}

	private String digits(int n) {
		StringBuilder b = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			b.append((char) ('0' + this.rng.nextInt(10)));
		}
		return b.toString();
	}

	int accounts() {
		return this.names.size();
	}

	String name(int account) {
		return this.names.get(account);
	}

	Label label(int account) {
		return this.labels.get(account);
	}

	void label(int account, Label label) {
		this.labels.set(account, label);
	}

	/** Records a transfer; zero or negative amounts and self-transfers are dropped. */
	void pay(long second, int from, int to, long amountFen, String memoText, Channel ch) {
		if (amountFen <= 0 || from == to) {
			return;
		}
		if (this.size == this.time.length) {
			grow();
		}
		int i = this.size++;
		this.time[i] = second;
		this.payer[i] = from;
		this.payee[i] = to;
		this.fen[i] = amountFen;
		this.memo[i] = memoId(memoText);
		this.channel[i] = (byte) ch.ordinal();
	}

	private short memoId(String text) {
		Short id = this.memoIndex.get(text);
		if (id == null) {
			id = (short) this.memos.size();
			this.memos.add(text);
			this.memoIndex.put(text, id);
		}
		return id;
	}

	private void grow() {
		int n = this.time.length * 2;
		this.time = Arrays.copyOf(this.time, n);
		this.payer = Arrays.copyOf(this.payer, n);
		this.payee = Arrays.copyOf(this.payee, n);
		this.fen = Arrays.copyOf(this.fen, n);
		this.memo = Arrays.copyOf(this.memo, n);
		this.channel = Arrays.copyOf(this.channel, n);
	}

	int transfers() {
		return this.size;
	}

	/**
	 * Writes the transfers CSV sorted by (time, order recorded), gzip when the name ends
	 * in {@code .gz}; only transfers before {@code endSecond} are written. Returns the
	 * rows.
	 */
	long writeTransfers(Path file, long endSecond) throws IOException {
		long[] order = new long[this.size];
		int n = 0;
		for (int i = 0; i < this.size; i++) {
			if (this.time[i] >= 0 && this.time[i] < endSecond) {
				order[n++] = (this.time[i] << 27) | i;
			}
		}
		Arrays.sort(order, 0, n);
		Channel[] channels = Channel.values();
		try (Writer w = writer(file)) {
			w.write(TransferParser.HEADER);
			w.write('\n');
			StringBuilder row = new StringBuilder(160);
			for (int k = 0; k < n; k++) {
				int i = (int) (order[k] & ((1 << 27) - 1));
				row.setLength(0);
				row.append('T').append(Long.toString(10_000_000_000L + k + 1), 1, 11).append(',');
				appendTime(row, this.time[i]);
				row.append(',').append(this.accountNumbers.get(this.payer[i])).append(',');
				row.append(this.names.get(this.payer[i])).append(',');
				row.append(this.accountNumbers.get(this.payee[i])).append(',');
				row.append(this.names.get(this.payee[i])).append(',');
				row.append(Formats.yuan(this.fen[i])).append(',');
				row.append(channels[this.channel[i]].text).append(',');
				row.append(this.memos.get(this.memo[i])).append('\n');
				w.append(row);
			}
		}
		return n;
	}

	/** Writes {@code account,class,type,group,start,role} for every account. */
	void writeTruth(Path file) throws IOException {
		try (Writer w = writer(file)) {
			w.write("account,class,type,group,start,role\n");
			for (int a = 0; a < this.names.size(); a++) {
				Label l = this.labels.get(a);
				String start = (l.startDay() < 0) ? "" : FIRST_DAY.plusDays(l.startDay()).toString();
				w.write(this.accountNumbers.get(a) + "," + l.kind() + "," + l.type() + "," + l.group() + "," + start
						+ "," + l.role() + "\n");
			}
		}
	}

	private final Map<Long, String> dayTexts = new HashMap<>();

	private void appendTime(StringBuilder b, long second) {
		b.append(this.dayTexts.computeIfAbsent(second / DAY, (d) -> FIRST_DAY.plusDays(d) + "T"));
		int s = (int) (second % DAY);
		two(b, s / 3600).append(':');
		two(b, s / 60 % 60).append(':');
		two(b, s % 60);
	}

	private static StringBuilder two(StringBuilder b, int v) {
		return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
	}

	private static Writer writer(Path file) throws IOException {
		OutputStream out = Files.newOutputStream(file);
		if (file.getFileName().toString().endsWith(".gz")) {
			out = new GZIPOutputStream(out, 1 << 16);
		}
		return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
	}

}
