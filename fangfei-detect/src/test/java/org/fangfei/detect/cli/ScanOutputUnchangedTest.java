package org.fangfei.detect.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts file of {@code scan} on the generator's output, byte for byte (SHA-256 of
 * the file): a change of speed must not change what the rules decide. A deliberate change
 * of the rules or of the generator updates these digests, saying so in its commit (last:
 * the memo-free scheme rules of issue 19 — one planted payout account also gets
 * INVESTOR_PAYBACK, and a surge of deposits needs 30 new payers, so surge alerts are
 * raised a few hours later).
 */
class ScanOutputUnchangedTest {

	@TempDir
	Path dir;

	@Test
	void alertsAreByteIdenticalToTheReference() throws Exception {
		String[][] cases = { { "1", "a9aed36d4e36edc3432fdb9790f4c2d8b95a5a989091be255dbb78335419085b" },
				{ "2", "91d55ae51c2bde092086d6b7ffa4c7b99ff3272cfa31c5b6906f84d08d07f969" } };
		for (String[] c : cases) {
			Path in = this.dir.resolve("g" + c[0] + ".csv");
			Path alerts = this.dir.resolve("a" + c[0] + ".csv");
			PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
			assertThat(
					Main.run(
							new String[] { "generate", "--accounts", "3000", "--days", "150", "--seed", c[0], "--out",
									in.toString(), "--truth", this.dir.resolve("t" + c[0] + ".csv").toString() },
							quiet, quiet))
				.isZero();
			assertThat(
					Main.run(new String[] { "scan", "--in", in.toString(), "--out", alerts.toString() }, quiet, quiet))
				.isZero();
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(alerts));
			assertThat(HexFormat.of().formatHex(digest)).as("seed %s", c[0]).isEqualTo(c[1]);
		}
	}

}
