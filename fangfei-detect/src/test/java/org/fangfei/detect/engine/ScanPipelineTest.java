package org.fangfei.detect.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.Alert;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.generate.Generate;
import org.fangfei.detect.io.TransferParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code scan} parsing on a second thread must raise exactly the alerts of the scan on
 * one thread, in the same order, and fail the same way.
 */
class ScanPipelineTest {

	@TempDir
	Path dir;

	private static List<Alert> scan(Path file, Scan scan) throws IOException {
		List<Alert> alerts = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file)) {
			scan.run(in, alerts::add);
		}
		return alerts;
	}

	@Test
	void parsingAheadRaisesTheAlertsOfTheScanOnOneThread() throws Exception {
		DetectorConfig config = DetectorConfig.defaults();
		for (long seed : new long[] { 1, 2, 5 }) {
			Path file = this.dir.resolve("t" + seed + ".csv");
			Generate.write(2_500, 120, seed, file, this.dir.resolve("truth" + seed + ".csv"));
			List<Alert> expected = scan(file, new Scan(config, 1 << 22, false));
			assertThat(expected).as("seed %d raises alerts", seed).hasSizeGreaterThan(20);
			// Small batches and chunks: many hand-overs, the reader often waiting for a
			// free batch; then the sizes a real scan uses.
			for (int[] sizes : new int[][] { { 5_000, 97 }, { 1 << 16, 1 << 10 }, { 1 << 19, 1 << 14 } }) {
				List<Alert> pipelined = scan(file, new Scan(config, sizes[0], sizes[1]));
				assertThat(pipelined).as("seed %d, chunk %d, batch %d", seed, sizes[0], sizes[1]).isEqualTo(expected);
			}
		}
	}

	@Test
	void accountsInternedOnTheReadingThreadGiveTheSameAlertsWithLongAccountNumbers() throws Exception {
		// Accounts of more than 23 bytes are interned by their bytes, the others packed;
		// the reading thread interns both kinds in row order.
		DetectorConfig config = DetectorConfig.defaults();
		Path generated = this.dir.resolve("g.csv");
		Generate.write(2_500, 120, 3, generated, this.dir.resolve("truth.csv"));
		List<String> lines = Files.readAllLines(generated);
		List<String> mixed = new ArrayList<>();
		mixed.add(lines.get(0));
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			for (int c : new int[] { 2, 4 }) {
				if (f[c].hashCode() % 3 == 0) {
					f[c] = "6217-0000-1111-2222-3333-" + f[c];
				}
			}
			mixed.add(String.join(",", f));
		}
		Path file = this.dir.resolve("mixed.csv");
		Files.write(file, mixed);
		List<Alert> expected = scan(file, new Scan(config, 1 << 22, false));
		assertThat(expected).hasSizeGreaterThan(20);
		assertThat(expected).anyMatch((a) -> a.account().length() > 23);
		for (int[] sizes : new int[][] { { 5_000, 97 }, { 1 << 18, 1 << 14 } }) {
			assertThat(scan(file, new Scan(config, sizes[0], sizes[1]))).as("chunk %d, batch %d", sizes[0], sizes[1])
				.isEqualTo(expected);
		}
	}

	@Test
	void aBadLineStillNamesItsLineNumber() {
		StringBuilder csv = new StringBuilder(TransferParser.HEADER).append('\n');
		for (int i = 0; i < 1_000; i++) {
			csv.append("T").append(i).append(",2024-03-01T10:15:00,A").append(i % 7).append(",,B,,12.50,,\n");
		}
		csv.append("T-bad,2024-03-01T10:16:00,A,,B,,abc,,\n");
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		// In a fresh batch and in a reused one: the bad row must not be counted in
		// either.
		for (int batch : new int[] { 4_096, 64 }) {
			assertThatThrownBy(() -> new Scan(DetectorConfig.defaults(), 5_000, batch)
				.run(new ByteArrayInputStream(bytes), (a) -> {
				})).as("batch %d", batch)
				.isInstanceOf(BadInputException.class)
				.hasMessageStartingWith("line 1002: amount 'abc'");
		}
	}

	@Test
	void aRowTooLateStopsTheScanAndItsReader() {
		StringBuilder csv = new StringBuilder(TransferParser.HEADER).append('\n');
		csv.append("T0,2024-03-05T10:00:00,A,,B,,1.00,,\n");
		csv.append("T1,2024-03-01T10:00:00,A,,B,,1.00,,\n");
		for (int i = 0; i < 200_000; i++) {
			csv.append("T").append(i + 2).append(",2024-03-05T10:00:00,A,,B,,1.00,,\n");
		}
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
			assertThatThrownBy(
					() -> new Scan(DetectorConfig.defaults(), 5_000, 64).run(new ByteArrayInputStream(bytes), (a) -> {
					}))
				.isInstanceOf(BadInputException.class)
				.hasMessageStartingWith("line 3: time 2024-03-01");
			while (readerAlive()) {
				Thread.sleep(10);
			}
		});
	}

	private static boolean readerAlive() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((t) -> t.getName().equals("fangfei-scan-reader"));
	}

	@Test
	void aReadFailureEndsTheScanWithItsMessage() {
		byte[] head = (TransferParser.HEADER + "\nT1,2024-03-01T10:15:00,A,,B,,1.00,,\n")
			.getBytes(StandardCharsets.UTF_8);
		InputStream failing = new InputStream() {
			private int at;

			@Override
			public int read() throws IOException {
				if (this.at < head.length) {
					return head[this.at++] & 0xFF;
				}
				throw new IOException("disk gone");
			}
		};
		assertTimeoutPreemptively(Duration.ofSeconds(20),
				() -> assertThatThrownBy(() -> new Scan(DetectorConfig.defaults(), 5_000, 64).run(failing, (a) -> {
				})).isInstanceOf(UncheckedIOException.class)
					.hasMessageContaining("cannot read transfers after line")
					.hasRootCauseMessage("disk gone"));
	}

	@Test
	void anEmptyInputIsRefusedAsOnOneThread() {
		assertThatThrownBy(
				() -> new Scan(DetectorConfig.defaults(), 5_000, 64).run(new ByteArrayInputStream(new byte[0]), (a) -> {
				}))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("the file is empty");
	}

}
