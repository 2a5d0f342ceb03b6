package org.fangfei.flink;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JobArgumentsTests {

	@Test
	void readsAFileToFileRun() {
		JobArguments arguments = JobArguments.parse("--in", "t.csv.gz", "--out", "a.csv", "--parallelism", "2",
				"--local");
		assertThat(arguments.in()).isEqualTo(Path.of("t.csv.gz"));
		assertThat(arguments.out()).isEqualTo(Path.of("a.csv"));
		assertThat(arguments.parallelism()).isEqualTo(2);
		assertThat(arguments.local()).isTrue();
		assertThat(arguments.config()).isNull();
	}

	@Test
	void readsAKafkaToHttpRun() {
		JobArguments arguments = JobArguments.parse("--kafka-brokers", "k1:9092", "--kafka-topic", "transfers",
				"--http-url", "https://fangfei.example/api/v1/monitoring/alerts", "--http-token", "t0k",
				"--checkpoint-seconds", "30");
		assertThat(arguments.kafkaGroup()).isEqualTo("fangfei-fund-flow");
		assertThat(arguments.httpToken()).isEqualTo("t0k");
		assertThat(arguments.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(arguments.parallelism()).isEqualTo(-1);
		assertThat(arguments.kafkaBounded()).isFalse();
	}

	@Test
	void readsABoundedKafkaReplay() {
		JobArguments arguments = JobArguments.parse("--kafka-brokers", "k1:9092", "--kafka-topic", "transfers",
				"--kafka-group", "replay-2026-03-01", "--kafka-bounded", "--out", "a.csv");
		assertThat(arguments.kafkaBounded()).isTrue();
		assertThat(arguments.kafkaGroup()).isEqualTo("replay-2026-03-01");
		assertThat(arguments.out()).isEqualTo(Path.of("a.csv"));
	}

	@Test
	void refusesABoundedFileRun() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobArguments.parse("--in", "t.csv", "--kafka-bounded", "--out", "a.csv"))
			.withMessageContaining("--kafka-bounded needs --kafka-topic");
	}

	@Test
	void refusesMissingOrDoubleSourcesAndSinks() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobArguments.parse("--out", "a.csv"))
			.withMessageContaining("give one source");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobArguments.parse("--in", "t.csv", "--kafka-brokers", "k:9092", "--kafka-topic", "t",
					"--out", "a.csv"))
			.withMessageContaining("give one source");
		assertThatIllegalArgumentException().isThrownBy(() -> JobArguments.parse("--in", "t.csv"))
			.withMessageContaining("give one sink");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobArguments.parse("--in", "t.csv", "--out", "a.csv", "--http-url", "http://x/"))
			.withMessageContaining("give one sink");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobArguments.parse("--in", "t.csv", "--kafka-out-topic", "alerts"))
			.withMessageContaining("--kafka-out-topic needs --kafka-brokers");
	}

	@Test
	void refusesUnknownArgumentsMissingValuesAndBadNumbers() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobArguments.parse("--in", "t.csv", "--outt", "a.csv"))
			.withMessageContaining("unknown argument --outt")
			.withMessageContaining("usage:");
		assertThatIllegalArgumentException().isThrownBy(() -> JobArguments.parse("--in", "t.csv", "--out"))
			.withMessageContaining("--out needs a value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JobArguments.parse("--in", "t.csv", "--out", "a.csv", "--parallelism", "two"))
			.withMessageContaining("--parallelism must be a whole number, not two");
	}

}
