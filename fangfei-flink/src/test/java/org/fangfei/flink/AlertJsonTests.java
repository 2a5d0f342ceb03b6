package org.fangfei.flink;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.Transfer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertJsonTests {

	private static final long T = 1_767_262_245_000L; // 2026-01-01T10:10:45 as UTC

	private final Alert alert = new Alert("6222-SCATTER_IN_GATHER_OUT-" + T, "6222", Pattern.SCATTER_IN_GATHER_OUT, 87,
			T, T + 86_400_000L, 42, 1_234_567_89L, 5L, 31, "14天内\"31\"个付款方\n转入");

	@Test
	void writesTheFieldsTheApplicationTakes() {
		assertThat(AlertJson.toJson(this.alert)).isEqualTo("{\"alertId\":\"6222-SCATTER_IN_GATHER_OUT-" + T
				+ "\",\"account\":\"6222\",\"pattern\":\"SCATTER_IN_GATHER_OUT\",\"score\":87,"
				+ "\"firstTime\":\"2026-01-01T10:10:45\",\"lastTime\":\"2026-01-02T10:10:45\",\"txCount\":42,"
				+ "\"amountIn\":\"1234567.89\",\"amountOut\":\"0.05\",\"counterparties\":31,"
				+ "\"explanation\":\"14天内\\\"31\\\"个付款方\\n转入\"}");
	}

	@Test
	void kafkaRecordsAreKeyedByAccountWithTheJsonAsValue() {
		ProducerRecord<byte[], byte[]> record = new AlertSinks.AlertRecords("alerts").serialize(this.alert, null, null);
		assertThat(record.topic()).isEqualTo("alerts");
		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("6222");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(AlertJson.toJson(this.alert));
	}

	@Test
	void kafkaTransferRecordsAreParsedWithPartitionAndOffsetAsSeqAndBadOnesSkipped() {
		java.util.List<Transfer> out = new java.util.ArrayList<>();
		org.apache.flink.util.Collector<Transfer> collector = new org.apache.flink.util.ListCollector<>(out);
		TransferSources.TransferRecords records = new TransferSources.TransferRecords();
		records.deserialize(new ConsumerRecord<>("transfers", 1, 7, null, "not,a,transfer".getBytes()), collector);
		assertThat(out).isEmpty();
		assertThat(TransferSources.TransferRecords.seq(1, 7)).isEqualTo((1L << 40) + 7);
	}

}
