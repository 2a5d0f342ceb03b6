package org.fangfei.app.monitoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Scan;
import org.fangfei.detect.generate.Generate;

/**
 * Bank exports for the monitoring tests, from the detector's own generator (2,000
 * accounts, 120 days, seed 7: about 64,600 transfers with planted schemes). Tests share
 * one database and alert ids are global, so every file is re-tagged: each account number
 * gets a suffix unique to the call, which gives new accounts and new alert ids.
 */
final class MonitoringFixtures {

	static final String HEADER = "tx_id,time,payer_account,payer_name,payee_account,payee_name,amount,channel,memo";

	private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9_000) + 1_000);

	private static List<String> lines;

	private static List<Alert> alerts;

	private MonitoringFixtures() {
	}

	/** The generated data rows (no header), generated once per JVM. */
	static synchronized List<String> rows() {
		if (lines == null) {
			try {
				Path dir = Files.createTempDirectory("fangfei-monitoring-");
				Path file = dir.resolve("transfers.csv");
				Generate.write(2_000, 120, 7, file, dir.resolve("truth.csv"));
				List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
				lines = List.copyOf(all.subList(1, all.size()));
				List<Alert> found = new ArrayList<>();
				new Scan(DetectorConfig.defaults()).run(new ByteArrayInputStream(Files.readAllBytes(file)), found::add);
				alerts = List.copyOf(found);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return lines;
	}

	/** The alerts {@code scan} raises on the generated file (untagged accounts). */
	static List<Alert> alerts() {
		rows();
		return alerts;
	}

	/** A fresh suffix for account numbers. */
	static String tag() {
		return Integer.toString(NEXT.incrementAndGet());
	}

	/** The first alert of a pattern on the generated file. */
	static Alert first(Pattern pattern) {
		return alerts().stream().filter((a) -> a.pattern() == pattern).findFirst().orElseThrow();
	}

	/**
	 * The rows touching one account up to its alert's last time: enough to raise it
	 * again.
	 */
	static List<String> rowsOf(Alert alert) {
		String account = alert.account();
		String last = BatchWriter.localTime(alert.lastTime()).toString();
		return rows().stream().filter((l) -> {
			String[] c = l.split(",", 9);
			return (c[2].equals(account) || c[4].equals(account)) && c[1].compareTo(last) <= 0;
		}).toList();
	}

	/** The rows with each account number suffixed by the tag. */
	static List<String> retag(List<String> rows, String tag) {
		return rows.stream().map((l) -> {
			String[] c = l.split(",", 9);
			if (c.length != 9) {
				throw new IllegalStateException("Unexpected generated row: " + l);
			}
			c[2] = c[2] + tag;
			c[4] = c[4] + tag;
			return String.join(",", c);
		}).toList();
	}

	/** A standard CSV file's bytes. */
	static byte[] standardCsv(List<String> rows) {
		return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
	}

}
