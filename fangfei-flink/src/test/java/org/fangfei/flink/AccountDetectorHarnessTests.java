package org.fangfei.flink;

import java.time.Duration;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.fangfei.detect.Alert;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountDetectorHarnessTests {

	private static final long DAY = Duration.ofDays(1).toMillis();

	private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00 as UTC

	private final DetectorConfig config = DetectorConfig.of(Map.of("state.ttlDays", "10", "lateness.minutes", "60"));

	private KeyedOneInputStreamOperatorTestHarness<String, Leg, Alert> harness;

	@BeforeEach
	void open() throws Exception {
		this.harness = new KeyedOneInputStreamOperatorTestHarness<>(
				new KeyedProcessOperator<>(new AccountDetector(this.config)), Leg::account, Types.STRING);
		this.harness.open();
	}

	@AfterEach
	void close() throws Exception {
		this.harness.close();
	}

	private void leg(long time, long seq, String account, String counterparty) throws Exception {
		this.harness.processElement(new Leg(time, seq, account, true, counterparty, 100_00, "", "tx" + seq), time);
	}

	@Test
	void keepsLegsUntilTheWatermarkWithOneTimerPerAccountThenOnlyTheAccountAndItsIdleCheck() throws Exception {
		leg(T0 + 2000, 3, "A", "B");
		leg(T0 + 1000, 2, "A", "C");
		leg(T0 + 3000, 4, "A", "D");
		leg(T0 + 1000, 5, "B", "A");
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(2);
		assertThat(this.harness.numEventTimeTimers()).isEqualTo(2);

		this.harness.processWatermark(T0 + 2000);

		// A's legs up to the watermark were fed, one still waits: its release timer and
		// A's idle check; B has only its idle check
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(2);
		assertThat(this.harness.numEventTimeTimers()).isEqualTo(3);

		this.harness.processWatermark(T0 + 3000);
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(2);
		assertThat(this.harness.numEventTimeTimers()).isEqualTo(2);
	}

	@Test
	void waitingLegsAndTimersSurviveASnapshot() throws Exception {
		leg(T0 + 1000, 1, "A", "B");
		leg(T0 + 2000, 2, "A", "C");
		this.harness.processWatermark(T0 + 1000);
		OperatorSubtaskState snapshot = this.harness.snapshot(1, T0);
		this.harness.close();

		this.harness = new KeyedOneInputStreamOperatorTestHarness<>(
				new KeyedProcessOperator<>(new AccountDetector(this.config)), Leg::account, Types.STRING);
		this.harness.initializeState(snapshot);
		this.harness.open();
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(1);
		assertThat(this.harness.numEventTimeTimers()).isEqualTo(2);

		this.harness.processWatermark(T0 + 2000);
		assertThat(this.harness.numEventTimeTimers()).isEqualTo(1);
		// the restored account remembers the last leg it was fed: idle ten days after it
		this.harness.processWatermark(T0 + 2000 + 10 * DAY - 1);
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(1);
		this.harness.processWatermark(T0 + 2000 + 10 * DAY);
		assertThat(this.harness.numKeyedStateEntries()).isZero();
		assertThat(this.harness.numEventTimeTimers()).isZero();
	}

	@Test
	void clearsTheAccountAfterTheDetectorsStateTtlWithoutLegs() throws Exception {
		leg(T0, 1, "A", "B");
		leg(T0 + 3 * DAY, 2, "A", "C");
		this.harness.processWatermark(T0 + 3 * DAY);
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(1);

		// ten days after the first leg the account is not idle: its last leg is three
		// days later
		this.harness.processWatermark(T0 + 10 * DAY);
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(1);
		this.harness.processWatermark(T0 + 13 * DAY - 1);
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(1);

		this.harness.processWatermark(T0 + 13 * DAY);
		assertThat(this.harness.numKeyedStateEntries()).isZero();
		assertThat(this.harness.numEventTimeTimers()).isZero();
	}

	@Test
	void anAccountClearedForIdlenessStartsAgainWithItsNextLeg() throws Exception {
		leg(T0, 1, "A", "B");
		this.harness.processWatermark(T0 + 11 * DAY);
		assertThat(this.harness.numKeyedStateEntries()).isZero();

		leg(T0 + 12 * DAY, 2, "A", "B");
		this.harness.processWatermark(T0 + 12 * DAY);
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(1);
		this.harness.processWatermark(T0 + 22 * DAY);
		assertThat(this.harness.numKeyedStateEntries()).isZero();
	}

	@Test
	void sendsLegsBehindTheWatermarkToTheLateOutputWithoutTouchingState() throws Exception {
		leg(T0 + DAY, 1, "A", "B");
		this.harness.processWatermark(T0 + DAY);
		int entries = this.harness.numKeyedStateEntries();

		leg(T0, 2, "A", "C");
		leg(T0 + DAY, 3, "B", "C");

		assertThat(this.harness.getSideOutput(AccountDetector.LATE)).extracting((r) -> r.getValue().txId())
			.containsExactly("tx2", "tx3");
		assertThat(this.harness.numKeyedStateEntries()).isEqualTo(entries);
		assertThat(this.harness.extractOutputValues()).isEmpty();
	}

}
