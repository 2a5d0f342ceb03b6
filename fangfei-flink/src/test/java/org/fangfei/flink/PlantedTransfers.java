package org.fangfei.flink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A transfers CSV for the parity test while {@code generate} is not there: random
 * background traffic between ordinary accounts plus a few planted instances of each
 * pattern. Rows are in time order with small disorder well inside the default lateness.
 */
public final class PlantedTransfers {

	private static final long START = LocalDateTime.of(2026, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;

	private static final long HOUR = 3_600_000L;

	private static final long DAY = 24 * HOUR;

	private record Row(long time, String payer, String payee, long fen, String memo) {
	}

	private final SplittableRandom random;

	private final List<Row> rows = new ArrayList<>();

	private PlantedTransfers(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/**
	 * For measurements: {@code OUT ACCOUNTS DAYS SEED}; about ACCOUNTS × DAYS / 3
	 * transfers.
	 */
	public static void main(String[] args) throws IOException {
		write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
	}

	static void write(Path file, int accounts, int days, long seed) throws IOException {
		PlantedTransfers t = new PlantedTransfers(seed);
		t.background(accounts, days);
		for (int i = 0; i < 5; i++) {
			t.scatterGather("S" + i, (5 + 9 * i) * DAY);
			t.periodicPayout("B" + i, (2 + 5 * i) * DAY);
			t.surge("G" + i, (40 + 3 * i) * DAY);
			t.memo("M" + i, (3 + 10 * i) * DAY);
		}
		t.rows.sort(Comparator.comparingLong(Row::time));
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("tx_id,time,payer_account,payer_name,payee_account,payee_name,amount,channel,memo\n");
			int n = 0;
			for (Row r : t.rows) {
				String time = LocalDateTime.ofEpochSecond(r.time / 1000, 0, ZoneOffset.UTC).toString();
				out.write("T" + (++n) + "," + ((time.length() == 16) ? time + ":00" : time) + "," + r.payer + ",,"
						+ r.payee + ",," + (r.fen / 100) + "." + String.format("%02d", r.fen % 100) + ",网银," + r.memo
						+ "\n");
			}
		}
	}

	private long jitter(long spread) {
		return this.random.nextLong(spread);
	}

	private void add(long time, String payer, String payee, long fen, String memo) {
		this.rows.add(new Row(START + time, payer, payee, fen, memo));
	}

	private void background(int accounts, int days) {
		for (int i = 0; i < accounts * days / 3; i++) {
			int a = this.random.nextInt(accounts);
			int b = this.random.nextInt(accounts);
			if (a != b) {
				add(jitter(days * DAY), "A" + a, "A" + b, 100 + this.random.nextLong(200_000), "");
			}
		}
	}

	/**
	 * 40 new payers with big tickets within a week, then most of it out in two transfers.
	 */
	private void scatterGather(String account, long at) {
		for (int p = 0; p < 40; p++) {
			add(at + jitter(6 * DAY), account + "p" + p, account, 2_000_00 + jitter(50_000), "");
		}
		add(at + 6 * DAY + 5 * HOUR, account, account + "x", 45_000_00, "");
		add(at + 6 * DAY + 9 * HOUR, account, account + "x", 30_000_00, "");
	}

	/** 20 principals, then four weekly batches of small payouts to the same payers. */
	private void periodicPayout(String account, long at) {
		for (int p = 0; p < 20; p++) {
			add(at + jitter(2 * DAY), account + "p" + p, account, 10_000_00, "");
		}
		for (int batch = 1; batch <= 4; batch++) {
			long when = at + (2 + 7 * batch) * DAY;
			for (int p = 0; p < 20; p++) {
				add(when + jitter(4 * HOUR), account, account + "p" + p, 150_00, "");
			}
		}
	}

	/**
	 * a month of a few regular payers, then 40 new ones in five days, paying deposits of
	 * about 2,000 yuan (a surge of small gifts is a one-off burst since issue 19).
	 */
	private void surge(String account, long at) {
		for (int d = 0; d < 35; d += 3) {
			add(at - 36 * DAY + d * DAY + jitter(HOUR), account + "r" + (d % 4), account, 300_00, "");
		}
		for (int p = 0; p < 40; p++) {
			add(at + jitter(5 * DAY), account + "n" + p, account, 2_000_00 + jitter(10_000), "");
		}
	}

	/** twelve payers writing fundraising words. */
	private void memo(String account, long at) {
		String[] words = { "投资款", "理财认购", "分红本金", "入股" };
		for (int p = 0; p < 12; p++) {
			add(at + jitter(10 * DAY), account + "m" + p, account, 5_000_00, words[p % words.length]);
		}
	}

}
