package org.fangfei.detect.engine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.generate.Generate;
import org.fangfei.detect.io.Transfer;
import org.fangfei.detect.io.TransferCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scan} feeds the legs grouped by account, chunk by chunk, from rows a little out
 * of time order; its alerts must be exactly those of a transfer-by-transfer run in (time,
 * seq) order, in the same order.
 */
class ScanOrderTest {

	@TempDir
	Path dir;

	@Test
	void scanRaisesTheAlertsOfARunInTimeOrderWhateverTheChunkSize() throws Exception {
		Path file = this.dir.resolve("t.csv");
		Generate.write(3_000, 120, 4, file, this.dir.resolve("truth.csv"));
		DetectorConfig config = DetectorConfig.defaults();
		Feed feed = new Feed();
		long rows = 0;
		long disordered = 0;
		long latest = Long.MIN_VALUE;
		try (TransferCsvReader r = TransferCsvReader.open(file)) {
			while (r.hasNext()) {
				Transfer t = r.next();
				disordered += (t.time() < latest) ? 1 : 0;
				latest = Math.max(latest, t.time());
				feed.add(t);
				rows++;
			}
		}
		List<Alert> expected = feed.run(config);
		// The stream has rows out of order, and alerts of every pattern.
		assertThat(disordered).isGreaterThan(100);
		assertThat(expected.stream().map(Alert::pattern).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(Pattern.values());
		// One chunk for all; many chunks; chunks smaller than an hour of rows (they
		// grow).
		for (int chunkRows : new int[] { 1 << 22, 5_000, 16 }) {
			List<Alert> scanned = new ArrayList<>();
			Scan.Result result;
			try (InputStream in = Files.newInputStream(file)) {
				result = new Scan(config, chunkRows).run(in, scanned::add);
			}
			assertThat(result.transfers()).isEqualTo(rows);
			assertThat(scanned).as("chunks of %d rows", chunkRows).isEqualTo(expected);
		}
	}

}
