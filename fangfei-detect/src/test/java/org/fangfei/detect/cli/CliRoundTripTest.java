package org.fangfei.detect.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fangfei.detect.Pattern;
import org.fangfei.detect.io.AlertCsv;
import org.fangfei.detect.io.TransferParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** generate (small) → scan → evaluate through the command line. */
class CliRoundTripTest {

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
	void generateScanEvaluate() throws Exception {
		Path in = this.dir.resolve("t.csv.gz");
		Path truth = this.dir.resolve("truth.csv");
		Path alerts = this.dir.resolve("alerts.csv");
		run(0, "generate", "--accounts", "3000", "--days", "150", "--seed", "7", "--out", in.toString(), "--truth",
				truth.toString());
		assertThat(Files.readAllLines(truth).get(0)).isEqualTo("account,pattern");
		assertThat(Files.readAllLines(this.dir.resolve("truth.kinds.csv"))).anyMatch((l) -> l.endsWith(",SHOP"));
		String scan = run(0, "scan", "--in", in.toString(), "--out", alerts.toString());
		assertThat(scan).containsPattern("transfers read: \\d{5,}").contains("alerts written:", "transfers/s:");
		String eval = run(0, "evaluate", "--alerts", alerts.toString(), "--truth", truth.toString());
		Evaluate.Report r = Evaluate.evaluate(AlertCsv.read(alerts), truth);
		// The patterns this generator plants (the memo-free scheme rules are measured on
		// the archetype generator, ArchetypeCliTest).
		for (Pattern p : List.of(Pattern.SCATTER_IN_GATHER_OUT, Pattern.PERIODIC_BATCH_PAYOUT,
				Pattern.COUNTERPARTY_SURGE, Pattern.FUNDRAISING_MEMO)) {
			assertThat(r.recallOf(p)).as(p.name()).isGreaterThanOrEqualTo(0.8);
			assertThat(eval).contains(p.name());
		}
		assertThat(r.lookAlikeRate()).isLessThanOrEqualTo(0.05);
	}

	@Test
	void generateIsDeterministicPerSeed() throws Exception {
		Path a = this.dir.resolve("a.csv");
		Path b = this.dir.resolve("b.csv");
		run(0, "generate", "--accounts", "2000", "--days", "120", "--seed", "3", "--out", a.toString(), "--truth",
				this.dir.resolve("ta.csv").toString());
		run(0, "generate", "--accounts", "2000", "--days", "120", "--seed", "3", "--out", b.toString(), "--truth",
				this.dir.resolve("tb.csv").toString());
		assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
		assertThat(Files.mismatch(this.dir.resolve("ta.csv"), this.dir.resolve("tb.csv"))).isEqualTo(-1L);
	}

	@Test
	void badUsageAndBadInputExitWithTwo() throws Exception {
		assertThat(run(2, "scan", "--in", "x.csv")).contains("missing --out");
		Path bad = this.dir.resolve("bad.csv");
		Files.writeString(bad, TransferParser.HEADER + "\nT1,2024-03-01T10:15:00,A,,B,,abc,,\n");
		Path alerts = this.dir.resolve("alerts.csv");
		assertThat(run(2, "scan", "--in", bad.toString(), "--out", alerts.toString()))
			.contains("error: line 2: amount 'abc'");
		assertThat(alerts).doesNotExist();
	}

}
