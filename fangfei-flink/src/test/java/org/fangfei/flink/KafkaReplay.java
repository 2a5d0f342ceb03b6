package org.fangfei.flink;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fangfei.detect.engine.DetectorConfig;

/**
 * For measurements of the Kafka path ({@code docs/performance.md}): {@code CSV PARTITIONS
 * PARALLELISM}. Starts a one-node KRaft broker in this JVM, loads the CSV's data lines
 * into a topic (round robin over the partitions), then times a bounded job from that
 * topic to an alert topic, configured from the job's command line.
 */
public final class KafkaReplay {

	private KafkaReplay() {
	}

	public static void main(String[] args) throws Exception {
		Path csv = Path.of(args[0]);
		int partitions = Integer.parseInt(args[1]);
		String parallelism = args[2];
		try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(
				new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
			.setConfigProp("offsets.topic.num.partitions", "1")
			.setConfigProp("offsets.topic.replication.factor", "1")
			.setConfigProp("group.initial.rebalance.delay.ms", "0")
			.build()) {
			kafka.format();
			kafka.startup();
			kafka.waitForReadyBrokers();
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
				admin
					.createTopics(List.of(new NewTopic("transfers", partitions, (short) 1),
							new NewTopic("alerts", 1, (short) 1)))
					.all()
					.get();
			}
			long started = System.nanoTime();
			long lines = produce(kafka.bootstrapServers(), csv, partitions);
			System.out.printf("loaded %d records into %d partitions in %.1f s%n", lines, partitions,
					(System.nanoTime() - started) / 1e9);

			JobArguments arguments = JobArguments.parse("--kafka-brokers", kafka.bootstrapServers(), "--kafka-topic",
					"transfers", "--kafka-bounded", "--kafka-out-topic", "alerts", "--parallelism", parallelism);
			StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(new Configuration());
			FundFlowJob.build(env, arguments, DetectorConfig.defaults());
			started = System.nanoTime();
			env.execute("kafka replay");
			double seconds = (System.nanoTime() - started) / 1e9;
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
				TopicPartition alerts = new TopicPartition("alerts", 0);
				long count = admin.listOffsets(Map.of(alerts, org.apache.kafka.clients.admin.OffsetSpec.latest()))
					.partitionResult(alerts)
					.get()
					.offset();
				System.out.printf("job done in %.1f s: %.0f transfers/s, %d alert records%n", seconds, lines / seconds,
						count);
			}
		}
	}

	private static long produce(String brokers, Path csv, int partitions) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
		properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		long n = 0;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
				new ByteArraySerializer()); BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			in.readLine();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				producer.send(new ProducerRecord<>("transfers", (int) (n++ % partitions), null,
						line.getBytes(StandardCharsets.UTF_8)));
			}
		}
		return n;
	}

}
