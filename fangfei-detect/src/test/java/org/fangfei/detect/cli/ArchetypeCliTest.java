package org.fangfei.detect.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangfei.detect.archetype.Archetypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * generate --generator, evaluate of an archetype truth and evaluate over several seeds.
 */
class ArchetypeCliTest {

	@TempDir
	Path dir;

	private String run(int expectedExit, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
		return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void generateScanEvaluateWithTheArchetypeGenerator() throws Exception {
		Path in = this.dir.resolve("a.csv.gz");
		Path truth = this.dir.resolve("truth.csv");
		Path alerts = this.dir.resolve("alerts.csv");
		assertThat(run(0, "generate", "--generator", "archetypes", "--people", "2000", "--days", "120", "--seed", "5",
				"--out", in.toString(), "--truth", truth.toString()))
			.containsPattern("transfers written: \\d{5,}");
		assertThat(Files.readAllLines(truth).get(0)).isEqualTo(Archetypes.TRUTH_HEADER);
		Path considered = this.dir.resolve("considered.csv");
		run(0, "scan", "--in", in.toString(), "--out", alerts.toString(), "--considered", considered.toString());
		// Look-alikes held back, with their reason in Chinese.
		assertThat(Files.readAllLines(considered)).first().isEqualTo("account,reasons,explanation");
		assertThat(Files.readAllLines(considered)).anyMatch((l) -> l.contains("ONE_OFF_BURST,小额新付款人集中于一次"));
		String eval = run(0, "evaluate", "--alerts", alerts.toString(), "--truth", truth.toString(), "--considered",
				considered.toString());
		assertThat(eval).contains("not flagged, held back by").containsPattern("ONE_OFF_BURST=\\d+");
		for (String type : Archetypes.SCHEMES) {
			assertThat(eval).containsPattern(type + "\\s+3\\s");
		}
		for (String kind : Archetypes.LOOK_ALIKES) {
			assertThat(eval).contains(kind);
		}
		assertThat(eval).contains("people who took part in nothing:", "median days");
	}

	@Test
	void theDefaultGeneratorIsUnchangedWhenNamed() throws Exception {
		Path a = this.dir.resolve("a.csv");
		Path b = this.dir.resolve("b.csv");
		run(0, "generate", "--accounts", "2000", "--days", "120", "--seed", "3", "--out", a.toString(), "--truth",
				this.dir.resolve("ta.csv").toString());
		run(0, "generate", "--generator", "default", "--accounts", "2000", "--days", "120", "--seed", "3", "--out",
				b.toString(), "--truth", this.dir.resolve("tb.csv").toString());
		assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
	}

	@Test
	void evaluateRunsSeveralSeedsOfEitherGenerator() {
		String arche = run(0, "evaluate", "--generator", "archetypes", "--size", "2000", "--days", "120", "--seeds",
				"1,2", "--dir", this.dir.resolve("runs").toString());
		assertThat(arche).contains("== archetypes generator, size 2000, 120 days, seed 1:",
				"== archetypes generator, size 2000, 120 days, seed 2:", "== archetypes generator, all seeds [1, 2]")
			.containsPattern("PONZI_GROWTH\\s+6\\s");
		String old = run(0, "evaluate", "--generator", "default", "--size", "2000", "--days", "120", "--seeds", "1",
				"--dir", this.dir.resolve("runs").toString());
		assertThat(old).contains("== default generator, all seeds [1]", "same pattern", "ordinary accounts:")
			.containsPattern("FUNDRAISING_MEMO\\s+5\\s");
	}

	@Test
	void anUnknownGeneratorIsRefused() {
		assertThat(run(2, "generate", "--generator", "other", "--people", "2000", "--days", "120", "--seed", "1",
				"--out", "x.csv", "--truth", "t.csv"))
			.contains("error: --generator must be default or archetypes, was 'other'");
		assertThat(run(2, "evaluate", "--generator", "other", "--size", "2000", "--days", "120", "--seeds", "1",
				"--dir", this.dir.toString()))
			.contains("error: --generator must be default or archetypes, was 'other'");
		assertThat(run(2, "generate", "--generator", "archetypes", "--people", "100", "--days", "120", "--seed", "1",
				"--out", this.dir.resolve("x.csv").toString(), "--truth", this.dir.resolve("t.csv").toString()))
			.contains("error: --people must be at least 2000, was 100");
		assertThat(run(2, "evaluate", "--generator", "archetypes", "--size", "2000", "--days", "120", "--seeds", "1,x",
				"--dir", this.dir.toString()))
			.contains("error: --seeds must be numbers separated by commas, was '1,x'");
	}

}
