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
 * the memo-free scheme rules of issue 19 — memo alerts without 认购/入股 fire a little later,
 * one planted payout account also gets INVESTOR_PAYBACK).
 */
class ScanOutputUnchangedTest {

	@TempDir
	Path dir;

	@Test
	void alertsAreByteIdenticalToTheReference() throws Exception {
		String[][] cases = { { "1", "a5642781cc9ec545f62fdda2d58df3fef45c11e834f0bcda9fa4cace151929e3" },
				{ "2", "09c0c5e9ff2fe92e765ae4a4f1fc676af3a1cb8790d82aef5b7c7794ae20ee2c" } };
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
