package org.fangfei.detect.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@code scan} re-launches itself with chosen JVM settings, and with what. */
class LauncherTest {

	private static final String[] SCAN = { "scan", "--in", "t.csv", "--out", "a.csv" };

	@Test
	void aPlainJavaJarScanIsRelaunched() {
		assertThat(Launcher.wanted(SCAN, List.of(), null, null, null, null)).isTrue();
		assertThat(Launcher.wanted(SCAN, List.of("-Dfile.encoding=UTF-8", "-XX:+ShowCodeDetailsInExceptionMessages"),
				"", null, null, null))
			.isTrue();
	}

	@Test
	void theUsersOwnHeapOrCollectorIsHonoured() {
		for (String own : new String[] { "-Xmx512m", "-Xms2g", "-Xmn1g", "-XX:MaxRAMPercentage=50", "-XX:+UseG1GC",
				"-XX:+UseSerialGC", "-XX:MaxHeapSize=1g", "-XX:NewSize=100m" }) {
			assertThat(Launcher.wanted(SCAN, List.of(own), null, null, null, null)).as(own).isFalse();
			assertThat(Launcher.wanted(SCAN, List.of(), "-Dx=1 " + own, null, null, null)).as("tool " + own).isFalse();
			assertThat(Launcher.wanted(SCAN, List.of(), null, own, null, null)).as("jdk " + own).isFalse();
		}
	}

	@Test
	void notRelaunchedWhenSwitchedOffInsideTheChildOrForOtherCommands() {
		assertThat(Launcher.wanted(SCAN, List.of(), null, null, null, "off")).isFalse();
		assertThat(Launcher.wanted(SCAN, List.of(), null, null, "true", null)).isFalse();
		assertThat(Launcher.wanted(new String[] { "generate", "--accounts", "1" }, List.of(), null, null, null, null))
			.isFalse();
		assertThat(Launcher.wanted(new String[0], List.of(), null, null, null, null)).isFalse();
	}

	@Test
	void theChildGetsTheUsersOptionsTheChosenSettingsAndTheSameArguments() {
		List<String> cmd = Launcher.command("/jdk/bin/java", List.of("-Dfoo=bar", "-javaagent:x.jar"), "d.jar", SCAN);
		assertThat(cmd).startsWith("/jdk/bin/java", "-Dfoo=bar")
			.doesNotContain("-javaagent:x.jar")
			.containsSubsequence(Launcher.CHOSEN)
			.contains("-Dfangfei.detect.launched=true")
			.containsSubsequence("-cp", "d.jar", "org.fangfei.detect.cli.Main")
			.endsWith(SCAN);
		// The child is marked, so it runs the scan itself.
		assertThat(Launcher.wanted(SCAN, cmd, null, null, "true", null)).isFalse();
		// The chosen settings themselves count as the user's own: no loop either way.
		assertThat(Launcher.wanted(SCAN, cmd, null, null, null, null)).isFalse();
	}

}
