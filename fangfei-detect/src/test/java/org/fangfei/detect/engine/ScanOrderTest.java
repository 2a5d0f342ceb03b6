package org.fangfei.detect.engine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.archetype.Archetypes;
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
		// The project's generator (rows out of order) and the independent archetypes
		// (sorted): between them, alerts of every pattern.
		Path generated = this.dir.resolve("t.csv");
		Generate.write(3_000, 120, 4, generated, this.dir.resolve("truth.csv"));
		Path archetypes = this.dir.resolve("a.csv");
		Archetypes.write(2_000, 120, 4, archetypes, this.dir.resolve("a-truth.csv"));
		Set<Pattern> seen = EnumSet.noneOf(Pattern.class);
		seen.addAll(sameAlertsWhateverTheChunkSize(generated, 100));
		seen.addAll(sameAlertsWhateverTheChunkSize(archetypes, -1));
		assertThat(seen).containsExactlyInAnyOrder(Pattern.values());
	}

	private static Set<Pattern> sameAlertsWhateverTheChunkSize(Path file, long minDisordered) throws Exception {
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
		assertThat(disordered).as("rows out of order in %s", file).isGreaterThan(minDisordered);
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
		return expected.stream().map(Alert::pattern).collect(Collectors.toSet());
	}

}
