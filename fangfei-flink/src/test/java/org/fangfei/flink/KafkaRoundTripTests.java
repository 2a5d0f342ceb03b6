package org.fangfei.flink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Scan;
import org.fangfei.detect.io.AlertCsv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job against a real Kafka broker (KRaft, in this JVM): transfers CSV lines into a
 * topic, the job configured from its command line with the Kafka source (bounded) and the
 * Kafka sink, and the alert topic read back holds the alerts {@code scan} raises on the
 * same lines.
 */
class KafkaRoundTripTests {

	private static final int TRANSFER_PARTITIONS = 2;

	@RegisterExtension
	static final MiniClusterExtension FLINK = new MiniClusterExtension(
			new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
				.setNumberSlotsPerTaskManager(2)
				.setConfiguration(Configuration.fromMap(Map.of("restart-strategy.type", "none")))
				.build());

	private static KafkaClusterTestKit kafka;

	@TempDir
	Path dir;

	@BeforeAll
	static void startKafka() throws Exception {
		kafka = new KafkaClusterTestKit.Builder(
				new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
			.setConfigProp("group.initial.rebalance.delay.ms", "0")
			.setConfigProp("offsets.topic.num.partitions", "1")
			.setConfigProp("offsets.topic.replication.factor", "1")
			.setConfigProp("transaction.state.log.replication.factor", "1")
			.setConfigProp("transaction.state.log.min.isr", "1")
			.build();
		kafka.format();
		kafka.startup();
		kafka.waitForReadyBrokers();
	}

	@AfterAll
	static void stopKafka() throws Exception {
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	@Timeout(180)
	void aBoundedKafkaRunRaisesTheAlertsOfScanOnTheAlertTopic() throws Exception {
		Path transfers = this.dir.resolve("transfers.csv");
		PlantedTransfers.write(transfers, 2000, 60, 11);
		DetectorConfig config = DetectorConfig.defaults();
		Path scanned = this.dir.resolve("scan-alerts.csv");
		new Scan(config).run(transfers, scanned);
		List<Alert> byScan = AlertCsv.read(scanned);
		// The four patterns these planted transfers hold (every pattern:
		// FundFlowParityTests).
		assertThat(byScan.stream().map(Alert::pattern).collect(Collectors.toSet()))
			.containsAll(EnumSet.range(Pattern.SCATTER_IN_GATHER_OUT, Pattern.FUNDRAISING_MEMO));

		try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
			admin
				.createTopics(List.of(new NewTopic("transfers", TRANSFER_PARTITIONS, (short) 1),
						new NewTopic("alerts", 1, (short) 1)))
				.all()
				.get();
		}
		int produced = produceLines(transfers, "transfers");

		JobArguments arguments = JobArguments.parse("--kafka-brokers", kafka.bootstrapServers(), "--kafka-topic",
				"transfers", "--kafka-group", "parity", "--kafka-bounded", "--kafka-out-topic", "alerts",
				"--parallelism", "2", "--checkpoint-seconds", "1");
		StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
		FundFlowJob.build(env, arguments, config);
		env.execute("kafka round trip");

		List<String> alertJson = readAll("alerts");
		assertThat(produced).isEqualTo(Files.readAllLines(transfers).size() - 1);
		assertThat(alertJson).hasSameSizeAs(byScan);
		assertThat(alertJson.stream()
			.map((json) -> field(json, "account") + " " + field(json, "pattern"))
			.collect(Collectors.toSet())).isEqualTo(accountPatterns(byScan));
		assertThat(alertJson.stream().map((json) -> field(json, "alertId")))
			.containsExactlyInAnyOrderElementsOf(byScan.stream().map(Alert::alertId).toList());
		assertThat(alertJson).containsExactlyInAnyOrderElementsOf(byScan.stream().map(AlertJson::toJson).toList());
	}

	/**
	 * Every data line of the CSV as one record, dealt round robin to the partitions so
	 * each partition stays in time order.
	 */
	private static int produceLines(Path csv, String topic) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
		int n = 0;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
			for (String line : lines.subList(1, lines.size())) {
				producer.send(new ProducerRecord<>(topic, n % TRANSFER_PARTITIONS, null,
						line.getBytes(StandardCharsets.UTF_8)));
				n++;
			}
			producer.flush();
		}
		return n;
	}

	private static List<String> readAll(String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
					String value = new String(record.value(), StandardCharsets.UTF_8);
					assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(field(value, "account"));
					values.add(value);
				}
			}
		}
		return values;
	}

	private static String field(String json, String name) {
		Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
		assertThat(m.find()).as("%s in %s", name, json).isTrue();
		return m.group(1);
	}

	private static Set<String> accountPatterns(List<Alert> alerts) {
		return alerts.stream().map((a) -> a.account() + " " + a.pattern()).collect(Collectors.toSet());
	}

}
