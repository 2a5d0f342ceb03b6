package org.fangfei.flink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.io.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where transfers come from; every line is parsed by {@link Transfer#parseLine}. */
final class TransferSources {

	private TransferSources() {
	}

	/**
	 * The transfers CSV as {@code scan} reads it: header skipped, seq = line number. A
	 * bad line fails the job with the detector's message naming the line, as {@code scan}
	 * does.
	 */
	static FileSource<Transfer> file(Path csv) {
		NumberedLineFormat<Transfer> format = new NumberedLineFormat<>(Transfer::parseLine,
				TypeInformation.of(Transfer.class));
		return FileSource.forRecordStreamFormat(format, new org.apache.flink.core.fs.Path(csv.toAbsolutePath().toUri()))
			.build();
	}

	/**
	 * One CSV line (no header) per Kafka record value, read from the committed offsets of
	 * the group or from the earliest. seq = partition × 2<sup>40</sup> + offset, so equal
	 * times are ordered as the topic holds them. A bad record is logged with its
	 * partition and offset and skipped: a stream cannot stop at one poison record.
	 * <p>
	 * Bounded, the source stops at the offsets that are the latest when the job starts,
	 * so a replay of what the topic holds ends, fires every waiting timer and lets the
	 * sinks finish, as a file run does.
	 */
	static KafkaSource<Transfer> kafka(String brokers, String topic, String group, boolean bounded) {
		KafkaSourceBuilder<Transfer> builder = KafkaSource.<Transfer>builder()
			.setBootstrapServers(brokers)
			.setTopics(topic)
			.setGroupId(group)
			.setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
			.setDeserializer(new TransferRecords());
		if (bounded) {
			builder.setBounded(OffsetsInitializer.latest());
		}
		return builder.build();
	}

	static final class TransferRecords implements KafkaRecordDeserializationSchema<Transfer> {

		private static final long serialVersionUID = 1L;

		private static final Logger log = LoggerFactory.getLogger(TransferRecords.class);

		@Override
		public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Transfer> out) {
			if (record.value() == null) {
				return;
			}
			String line = new String(record.value(), StandardCharsets.UTF_8).strip();
			if (line.isEmpty()) {
				return;
			}
			try {
				out.collect(Transfer.parseLine(line, seq(record.partition(), record.offset())));
			}
			catch (BadInputException | IllegalArgumentException ex) {
				log.warn("skipped bad transfer record {}-{} at offset {}: {}", record.topic(), record.partition(),
						record.offset(), ex.getMessage());
			}
		}

		static long seq(int partition, long offset) {
			return ((long) partition << 40) + offset;
		}

		@Override
		public TypeInformation<Transfer> getProducedType() {
			return TypeInformation.of(Transfer.class);
		}

	}

}
