package org.fangfei.detect.screen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality floor on the labelled set ({@code labelled.csv}, built by
 * {@code fangfei-bench/load/screen-labelled.py}; figures in {@code docs/detector.md}):
 * read and scored through the {@code screen} command's own files.
 */
class LabelledSetTest {

	@TempDir
	Path dir;

	@Test
	void precisionAndRecallStayAboveTheFloor() throws IOException {
		Path labelled = Path.of("src/test/resources/org/fangfei/detect/screen/labelled.csv");
		Path out = this.dir.resolve("scores.csv");
		ScreenCsv.run(Screener.builtIn(), labelled, out);
		List<List<String>> truth = read(labelled);
		List<List<String>> scores = read(out);
		assertThat(truth).hasSizeGreaterThanOrEqualTo(500);
		long lookAlikes = truth.stream().filter((r) -> r.get(2).equals("0")).count();
		assertThat(lookAlikes * 2).isGreaterThanOrEqualTo(truth.size());
		int tp = 0;
		int fp = 0;
		int fn = 0;
		Map<String, int[]> byKind = new TreeMap<>();
		for (int i = 0; i < truth.size(); i++) {
			assertThat(scores.get(i).get(0)).isEqualTo(truth.get(i).get(0));
			boolean meant = truth.get(i).get(2).equals("1");
			boolean flagged = scores.get(i).get(2).equals("1");
			tp += meant && flagged ? 1 : 0;
			fp += !meant && flagged ? 1 : 0;
			fn += meant && !flagged ? 1 : 0;
			int[] k = byKind.computeIfAbsent(truth.get(i).get(3), (x) -> new int[2]);
			k[0] += meant == flagged ? 1 : 0;
			k[1]++;
		}
		double precision = tp / (double) (tp + fp);
		double recall = tp / (double) (tp + fn);
		assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.95);
		assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.90);
		byKind.forEach((kind, k) -> {
			if (kind.startsWith("evasion") || kind.equals("fraud")
					|| kind.startsWith("lookalike-") && !kind.equals("lookalike-hard")) {
				assertThat(k[0]).as(kind).isEqualTo(k[1]);
			}
		});
		assertThat(byKind.keySet()).contains("evasion-spaces", "evasion-symbols", "evasion-traditional",
				"evasion-homophones", "evasion-pinyin", "evasion-numerals", "lookalike-bank", "lookalike-disclaimer",
				"lookalike-antifraud");
	}

	private static List<List<String>> read(Path file) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (var r = Files.newBufferedReader(file)) {
			ScreenCsv.Records records = new ScreenCsv.Records(r);
			records.next();
			List<String> row;
			while ((row = records.next()) != null) {
				rows.add(row);
			}
		}
		return rows;
	}

}
