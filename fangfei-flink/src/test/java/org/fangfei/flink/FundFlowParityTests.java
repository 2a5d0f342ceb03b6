package org.fangfei.flink;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.cli.Main;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Scan;
import org.fangfei.detect.io.AlertCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flink job and {@code scan} raise the same alerts on the same generated input. */
class FundFlowParityTests {

	@RegisterExtension
	static final MiniClusterExtension FLINK = new MiniClusterExtension(
			new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
				.setNumberSlotsPerTaskManager(2)
				.build());

	@TempDir
	Path dir;

	@Test
	void raisesExactlyTheAlertsOfScanWithParallelismTwo() throws Exception {
		// The project's generator and the independent archetypes (the memo-free scheme
		// rules fire there): between them, alerts of every pattern.
		Set<Pattern> seen = EnumSet.noneOf(Pattern.class);
		seen.addAll(sameAlertsAsScan("transfers", "--accounts", "3000", "--seed", "42"));
		seen.addAll(sameAlertsAsScan("archetypes", "--generator", "archetypes", "--people", "2000", "--seed", "4"));
		assertThat(seen).isEqualTo(EnumSet.allOf(Pattern.class));
		// The graph stage across accounts raised some of them, in both runtimes.
		assertThat(AlertCsv.read(this.dir.resolve("archetypes-flink-alerts.csv")))
			.filteredOn((a) -> a.explanation().startsWith("跨账户回流付息"))
			.isNotEmpty();
	}

	private Set<Pattern> sameAlertsAsScan(String name, String... generate) throws Exception {
		Path transfers = this.dir.resolve(name + ".csv");
		List<String> args = new java.util.ArrayList<>(List.of("generate", "--days", "120", "--out",
				transfers.toString(), "--truth", this.dir.resolve(name + "-truth.csv").toString()));
		args.addAll(List.of(generate));
		int exit = Main.run(args.toArray(String[]::new), System.out, System.err);
		assertThat(exit).as("generate exit code").isZero();
		DetectorConfig config = DetectorConfig.defaults();

		Path scanned = this.dir.resolve(name + "-scan-alerts.csv");
		new Scan(config).run(transfers, scanned);

		Path streamed = this.dir.resolve(name + "-flink-alerts.csv");
		StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
		env.setParallelism(2);
		FundFlowJob.build(env, TransferSources.file(transfers), AlertSinks.file(streamed), config);
		env.execute("parity " + name);

		List<Alert> byScan = AlertCsv.read(scanned);
		List<Alert> byFlink = AlertCsv.read(streamed);
		assertThat(accountPatterns(byFlink)).as(name).isEqualTo(accountPatterns(byScan));
		assertThat(byFlink).as(name).hasSameSizeAs(byScan);
		// the same alerts to the last field, only in another order
		assertThat(byFlink).as(name).containsExactlyInAnyOrderElementsOf(byScan);
		return byScan.stream().map(Alert::pattern).collect(Collectors.toSet());
	}

	private static Set<String> accountPatterns(List<Alert> alerts) {
		return alerts.stream().map((a) -> a.account() + " " + a.pattern()).collect(Collectors.toSet());
	}

}
