package org.fangfei.flink;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fangfei.detect.Alert;
import org.fangfei.detect.io.AlertCsv;
import org.fangfei.flink.HttpBatchSink.HttpSinkSettings;

/**
 * Where alerts go. Every sink is at least once; alert ids are stable, so receivers
 * deduplicate.
 */
final class AlertSinks {

	private AlertSinks() {
	}

	/**
	 * The alerts CSV exactly as {@code scan} writes it (header once); run with
	 * parallelism 1.
	 */
	static Sink<Alert> file(Path csv) {
		return new CsvFileSink<>(csv, AlertCsv.header(), AlertCsv::toCsvRow);
	}

	/** One JSON object per record, keyed by account, to one topic. */
	static Sink<Alert> kafka(String brokers, String topic) {
		return KafkaSink.<Alert>builder()
			.setBootstrapServers(brokers)
			.setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
			.setRecordSerializer(new AlertRecords(topic))
			.build();
	}

	/** JSON arrays POSTed to the application's monitoring endpoint. */
	static Sink<Alert> http(String url, String token) {
		return new HttpBatchSink<>(HttpSinkSettings.of(url, token), AlertJson::toJson);
	}

	static final class AlertRecords implements KafkaRecordSerializationSchema<Alert> {

		private static final long serialVersionUID = 1L;

		private final String topic;

		AlertRecords(String topic) {
			this.topic = topic;
		}

		@Override
		public ProducerRecord<byte[], byte[]> serialize(Alert alert, KafkaSinkContext context, Long timestamp) {
			return new ProducerRecord<>(this.topic, alert.account().getBytes(StandardCharsets.UTF_8),
					AlertJson.toJson(alert).getBytes(StandardCharsets.UTF_8));
		}

	}

}
