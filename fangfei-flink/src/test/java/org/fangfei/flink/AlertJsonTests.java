package org.fangfei.flink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.functions.util.ListCollector;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.io.Transfer;
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

	private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
		return new ConsumerRecord<>("transfers", 1, offset, null, value.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void kafkaTransferRecordsAreParsedWithPartitionAndOffsetAsSeqAndBadOnesSkipped() {
		List<Transfer> out = new ArrayList<>();
		ListCollector<Transfer> collector = new ListCollector<>(out);
		TransferSources.TransferRecords records = new TransferSources.TransferRecords();
		records.deserialize(record(7, "not,a,transfer"), collector);
		records.deserialize(record(8, "T1,2026-01-01T10:10:45,6222,张三,6228,李四,1000.50,网银,投资款"), collector);
		assertThat(out).singleElement().satisfies((t) -> {
			assertThat(t.seq()).isEqualTo((1L << 40) + 8);
			assertThat(t.time()).isEqualTo(T);
			assertThat(t.amountFen()).isEqualTo(100_050L);
			assertThat(t.memo()).isEqualTo("投资款");
		});
	}

}
