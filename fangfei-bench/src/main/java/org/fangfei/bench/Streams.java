package org.fangfei.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fangfei.detect.generate.Generate;
import org.fangfei.detect.io.Transfer;
import org.fangfei.detect.io.TransferCsvReader;

/**
 * The benchmark streams, each exactly {@link #SIZE} transfers: one per rule (1,000
 * accounts each repeating the pattern, paid by a pool of 50,000 payers, so the rule's
 * path is what is measured) and a realistic mix: the first million transfers of
 * {@code generate --accounts 50000 --days 180 --seed 1}.
 */
final class Streams {

	static final int SIZE = 1_000_000;

	private static final long DAY = 86_400_000L;

	private static final long T0 = 1_704_067_200_000L;

	private final List<Transfer> out = new ArrayList<>(SIZE + 1000);

	private final SplittableRandom rnd = new SplittableRandom(42);

	private long seq = 2;

	private Streams() {
	}

	static List<Transfer> of(String name) {
		Streams s = new Streams();
		switch (name) {
			case "scatter" -> s.scatter();
			case "batch" -> s.batch();
			case "surge" -> s.surge();
			case "memo" -> s.memo();
			case "mixed" -> {
				return mixed();
			}
			default -> throw new IllegalArgumentException(name);
		}
		return s.out.subList(0, SIZE);
	}

	private void pay(long time, String from, String to, long yuan, String memo) {
		this.out.add(new Transfer("T" + this.seq, time, this.seq++, from, "", to, "", yuan * 100, "", memo));
	}

	private long at(int day) {
		return T0 + day * DAY + this.rnd.nextLong(12 * 3_600_000L) + 8 * 3_600_000L;
	}

	private String payer() {
		return "6200" + this.rnd.nextInt(50_000);
	}

	private void scatter() {
		for (int e = 0; this.out.size() < SIZE; e++) {
			for (int a = 0; a < 1000; a++) {
				String acc = "C" + a;
				long sum = 0;
				for (int i = 0; i < 30; i++) {
					long yuan = 1000 + this.rnd.nextInt(20_000);
					sum += yuan;
					pay(at(e * 20 + i % 5), payer(), acc, yuan, "");
				}
				pay(at(e * 20 + 6), acc, "mule" + a, sum / 2, "");
				pay(at(e * 20 + 7), acc, "mule" + a, sum * 3 / 10, "");
			}
		}
	}

	private void batch() {
		for (int a = 0; a < 1000; a++) {
			for (int i = 0; i < 20; i++) {
				pay(at(i % 10), "inv" + a + "-" + i, "P" + a, 50_000, "投资款");
			}
		}
		for (int m = 1; this.out.size() < SIZE; m++) {
			for (int a = 0; a < 1000; a++) {
				for (int i = 0; i < 20; i++) {
					pay(T0 + (m * 30 + 12) * DAY + i * 60_000L, "P" + a, "inv" + a + "-" + i, 1000, "利息");
				}
			}
		}
	}

	private void surge() {
		for (int e = 0; this.out.size() < SIZE; e++) {
			for (int a = 0; a < 1000; a++) {
				String acc = "S" + a;
				for (int d = 0; d < 60; d += 10) {
					pay(at(e * 60 + d), "client" + a, acc, 3000, "货款");
					pay(at(e * 60 + d + 1), acc, "supplier" + a, 2000, "货款");
				}
				for (int i = 0; i < 40; i++) {
					pay(at(e * 60 + 50 + i % 4), payer(), acc, 2000, "订金");
				}
			}
		}
	}

	private void memo() {
		String[] words = { "理财本金", "入股资金", "认购款", "投资款", "" };
		for (int e = 0; this.out.size() < SIZE; e++) {
			for (int a = 0; a < 1000; a++) {
				for (int i = 0; i < 20; i++) {
					pay(at(e * 20 + i), payer(), "M" + a, 20_000, words[i % words.length]);
				}
			}
		}
	}

	private static List<Transfer> mixed() {
		try {
			Path dir = Files.createTempDirectory("fangfei-bench");
			Path file = dir.resolve("mixed.csv");
			Generate.write(50_000, 180, 1, file, dir.resolve("truth.csv"));
			List<Transfer> out = new ArrayList<>(SIZE);
			try (TransferCsvReader r = TransferCsvReader.open(file)) {
				while (r.hasNext() && out.size() < SIZE) {
					out.add(r.next());
				}
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
